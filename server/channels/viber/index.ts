import type { ChannelProvider } from "../channel-provider";
import { parseViberCallback, verifyViberSignature } from "./callbacks";
import { sendViber } from "./send";
import { VIBER_API_BASE_URL, viberConfigSchema, viberCredentialsSchema, viberFields, type ViberConfig, type ViberCredentials } from "./settings";

export type { ViberConfig, ViberCredentials } from "./settings";
export { VIBER_API_BASE_URL } from "./settings";

/**
 * Viber REST Bot API `send_message`: the rendered text from the store's bot to a subscribed customer. Viber
 * answers HTTP 200 to everything, with the outcome in `status`; delivery comes back as webhook events.
 * @see https://developers.viber.com/docs/api/rest-bot-api/#send-message
 */
export const viberProvider: ChannelProvider<ViberCredentials, ViberConfig> = {
  id: "viber",
  name: "Viber",
  kind: "messaging",
  description: "Sends order confirmations from your Viber bot to subscribed customers and tracks delivery.",
  docsUrl: "https://developers.viber.com/docs/api/rest-bot-api/#send-message",
  recipient: "viber",
  defaultBaseUrl: VIBER_API_BASE_URL,
  credentialsSchema: viberCredentialsSchema,
  configSchema: viberConfigSchema,
  fields: viberFields,
  // Viber publishes no per-bot send rate; it answers status 12 (tooManyRequests) when pushed too hard.
  // A modest pace keeps a store well clear of it.
  defaultRatePerSecond: 20,
  defaultConcurrency: 5,
  send: sendViber,
  verifyStatusCallback(request, credentials) {
    return verifyViberSignature(request, credentials.authToken);
  },
  parseStatusCallback: parseViberCallback,
};
