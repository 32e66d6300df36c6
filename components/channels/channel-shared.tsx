import type { inferRouterOutputs } from "@trpc/server";
import type { ChannelKind } from "@/lib/channels/provider-ids";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { AppRouter } from "@/server/api/root";
import type { CredentialField } from "@/lib/channels/credential-field";

/** One provider of `channels.catalogue`: the add / edit form is generated from its `fields`. */
export type ProviderEntry = inferRouterOutputs<AppRouter>["channels"]["catalogue"][number];
export type ChannelItem = inferRouterOutputs<AppRouter>["channels"]["list"][number];
export type TestOutcome = inferRouterOutputs<AppRouter>["channels"]["sendTest"];

export type FieldValues = Record<string, string>;

/** The catalogue's groups, in the order a store admin looks for them. */
export const kindOrder: ChannelKind[] = ["email", "sms", "messaging", "chat", "crm", "support", "webhook"];

export const kindLabel: Record<ChannelKind, string> = {
  email: "Email",
  sms: "SMS",
  messaging: "Messaging",
  chat: "Team chat",
  crm: "CRM",
  support: "Support",
  webhook: "Webhook",
};

type Recipient = ProviderEntry["recipient"];

/** What "Send a test to" expects, by the provider's recipient kind. */
const recipientHints: Record<Recipient, { placeholder: string; hint: string; type: "email" | "tel" | "text" }> = {
  email: { placeholder: "you@shop.example", hint: "An email address.", type: "email" },
  phone: { placeholder: "+15551234567", hint: "A phone number in +E.164 format (country code first).", type: "tel" },
  whatsapp: { placeholder: "+15551234567", hint: "A WhatsApp phone number in +E.164 format (country code first).", type: "tel" },
  telegram: { placeholder: "123456789", hint: "A Telegram chat id: the person must have started a chat with your bot first.", type: "text" },
  line: { placeholder: "U4af4980629…", hint: "A LINE user id (starts with U): the person must have added your official account as a friend.", type: "text" },
  viber: { placeholder: "01234567890A=", hint: "A Viber user id: the person must have subscribed to your bot.", type: "text" },
  messenger: { placeholder: "6543210987654321", hint: "A Messenger page-scoped id (PSID) of someone who has messaged your page.", type: "text" },
  internal: { placeholder: "test", hint: "This channel posts to the destination in its settings; the text here only labels the test.", type: "text" },
};

/** A provider serving several kinds (the sandbox) says which recipient each kind needs. */
export function recipientHintFor(provider: ProviderEntry | undefined, channel: ChannelItem) {
  const recipient = (provider?.recipientByKind?.[channel.kind] ?? provider?.recipient ?? "email") as Recipient;
  return recipientHints[recipient] ?? recipientHints.email;
}

/** A stored config value (string, number, boolean, list) as the text its input edits. */
export function configText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Stored config → one string per non-secret field; selects start on their stored value or first option. */
export function configValuesOf(config: Record<string, unknown>, fields: CredentialField[]): FieldValues {
  return Object.fromEntries(
    fields.filter((field) => !field.secret).map((field) => [field.name, config[field.name] === undefined && field.options?.length ? field.options[0]!.value : configText(config[field.name])]),
  );
}

/** Messages for keys no input shows (e.g. `credentials` as a whole), to be shown above the submit button. */
export function unplacedErrors(errors: FieldErrors, placed: string[]): string | null {
  const messages = Object.entries(errors)
    .filter(([key, message]) => message && !placed.includes(key))
    .map(([, message]) => message);
  return messages.length ? messages.join(" ") : null;
}

/** A config value for the channel card: the option's label for selects, "—" when empty. */
export function configDisplay(field: CredentialField, value: unknown): string {
  const text = configText(value);
  if (!text) return "—";
  return field.options?.find((option) => option.value === text)?.label ?? text;
}
