/**
 * Audit log actions in plain words, for the Overview's activity and the order timeline: "resent a message
 * by SMS", not "order.message_resent". Unknown actions fall back to their code made readable.
 */
const phrases: Record<string, (details: Record<string, unknown>) => string> = {
  "auth.signed_in": () => "signed in",
  "auth.signed_out": () => "signed out",
  "auth.sign_in_failed": () => "failed to sign in",
  "auth.sign_in_refused_disabled": () => "was refused sign-in (account disabled)",
  "auth.sign_in_throttled": () => "was throttled after repeated failed sign-ins",
  "user.created": (d) => `added the user ${text(d.email)}`,
  "user.role_changed": (d) => `changed the role of ${text(d.email)}${d.to ? ` to ${text(d.to)}` : ""}`,
  "user.password_reset": (d) => `reset the password of ${text(d.email)}`,
  "user.disabled": (d) => `disabled ${text(d.email)}`,
  "user.enabled": (d) => `enabled ${text(d.email)}`,
  "settings.updated": () => "updated the store settings",
  "setup.defaults_created": () => "set up the sandbox channels, templates and default flow",
  "source.created": (d) => `added the source ${text(d.name)}`,
  "source.secrets_rotated": (d) => `rotated the secrets of the source ${text(d.name)}`,
  "channel.created": (d) => `added the channel ${text(d.name)}`,
  "channel.deleted": (d) => `deleted the channel ${text(d.name)}`,
  "flow.created": (d) => `created the flow ${text(d.name)}`,
  "flow.updated": (d) => `changed the flow ${text(d.name)}`,
  "flow.deleted": (d) => `deleted the flow ${text(d.name)}`,
  "inbound_event.replayed": () => "replayed an inbound event",
  "order.totals_approved": (d) => `approved the totals of order ${text(d.number)} and released it`,
  "order.message_resent": (d) => `resent a message of order ${text(d.number)} through ${text(d.channel)} (${d.content === "stored" ? "same content" : "re-rendered"})`,
  "order.contact_updated": (d) => `corrected the contact details of order ${text(d.number)}${d.released ? ", releasing it" : ""}`,
  "order.messages_cancelled": (d) => `cancelled ${Array.isArray(d.notificationIds) ? d.notificationIds.length : "the"} pending message(s) of order ${text(d.number)}`,
  "order.ticket_opened": (d) => `opened a support ticket for order ${text(d.number)} through ${text(d.channel)}`,
  "order.failure_dismissed": () => "dismissed a failed message",
  "order.hold_dismissed": (d) => `dismissed the hold on order ${text(d.number)}`,
  "orders.exported": () => "exported orders as CSV",
  "orders.export_refused": () => "asked for a CSV export with filters that do not parse",
};

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

export function describeActivity(action: string, details: Record<string, unknown> = {}): string {
  const phrase = phrases[action];
  if (phrase) return phrase(details).replace(/\s+/g, " ").trim();
  return action.replace(/[._]/g, " ");
}
