import type { ChannelProvider } from "../channel-provider";
import { hubChallenge, verifyHubSignature } from "./meta-graph";
import { sendWhatsApp } from "./send";
import { WHATSAPP_API_BASE_URL, whatsappConfigSchema, whatsappCredentialsSchema, whatsappFields, type WhatsAppConfig, type WhatsAppCredentials } from "./settings";
import { parseWhatsAppStatuses } from "./statuses";

export type { WhatsAppConfig, WhatsAppCredentials } from "./settings";
export { WHATSAPP_API_BASE_URL } from "./settings";

/**
 * WhatsApp Business Cloud API. By default an approved template (the only kind of message WhatsApp delivers
 * to a customer who has not written in the last 24 hours), its body parameters taken from the message's
 * variables; `mode: "text"` sends the rendered text instead, for stores whose customers message first.
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
 */
export const whatsappProvider: ChannelProvider<WhatsAppCredentials, WhatsAppConfig> = {
  id: "whatsapp",
  name: "WhatsApp Business",
  kind: "messaging",
  description: "Sends order confirmations as approved WhatsApp message templates through the WhatsApp Business Cloud API and tracks their delivery.",
  docsUrl: "https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates",
  recipient: "whatsapp",
  defaultBaseUrl: WHATSAPP_API_BASE_URL,
  credentialsSchema: whatsappCredentialsSchema,
  configSchema: whatsappConfigSchema,
  fields: whatsappFields,
  // Cloud API throughput is 80 messages per second per business phone number by default (up to 1,000 on
  // request); a customer may get at most one message every 6 s, which one confirmation never approaches.
  defaultRatePerSecond: 80,
  defaultConcurrency: 10,
  send: sendWhatsApp,
  verifyStatusCallback(request, credentials) {
    return verifyHubSignature(request.headers.get("x-hub-signature-256"), request.body, credentials.appSecret, "WhatsApp");
  },
  parseStatusCallback: (request, _credentials, config) => parseWhatsAppStatuses(request, config.phoneNumberId),
  verificationChallenge(query, credentials) {
    return hubChallenge(query, credentials.verifyToken);
  },
};
