/**
 * The providers Orderbell can send through, as one list: the registry (server/channels/registry.ts) is
 * typed against it, so a provider missing from the registry or registered under another name does not
 * compile, and the channels table stores its provider column with this type.
 */
export const providerIds = [
  "sandbox",
  "resend",
  "smtp",
  "twilio",
  "vonage-sms",
  "sendgrid",
  "mailgun",
  "amazon-ses",
  "gmail",
  "microsoft-graph",
  "whatsapp",
  "messenger",
  "line",
  "telegram",
  "viber",
  "slack",
  "google-chat",
  "webhook",
  "zendesk",
  "hubspot",
  "salesforce",
  "zoho-crm",
  "klaviyo",
  "activecampaign",
  "intercom",
] as const;

export type ProviderId = (typeof providerIds)[number];

export function isProviderId(value: string): value is ProviderId {
  return (providerIds as readonly string[]).includes(value);
}

export const channelKinds = ["email", "sms", "messaging", "chat", "crm", "support", "webhook"] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** What a provider needs to reach someone, resolved from the customer (or the flow step) before sending. */
export const recipientKinds = ["email", "phone", "whatsapp", "telegram", "line", "viber", "messenger", "internal"] as const;
export type RecipientKind = (typeof recipientKinds)[number];
