import type { ChannelProvider } from "../channel-provider";
import { hubChallenge, verifyHubSignature } from "../whatsapp/meta-graph";
import { parseMessengerDeliveries } from "./deliveries";
import { sendMessenger } from "./send";
import { MESSENGER_API_BASE_URL, messengerConfigSchema, messengerCredentialsSchema, messengerFields, type MessengerConfig, type MessengerCredentials } from "./settings";

export type { MessengerConfig, MessengerCredentials } from "./settings";
export { MESSENGER_API_BASE_URL } from "./settings";

/**
 * Facebook Messenger Send API: the rendered text to the customer's Page-scoped ID, tagged
 * POST_PURCHASE_UPDATE so it may go out after the 24-hour window.
 * @see https://developers.facebook.com/docs/messenger-platform/reference/send-api
 */
export const messengerProvider: ChannelProvider<MessengerCredentials, MessengerConfig> = {
  id: "messenger",
  name: "Facebook Messenger",
  kind: "messaging",
  description: "Sends order confirmations to customers who messaged your Facebook Page, through the Messenger Send API, and tracks delivery.",
  docsUrl: "https://developers.facebook.com/docs/messenger-platform/reference/send-api",
  recipient: "messenger",
  defaultBaseUrl: MESSENGER_API_BASE_URL,
  credentialsSchema: messengerCredentialsSchema,
  configSchema: messengerConfigSchema,
  fields: messengerFields,
  // Meta limits a Page by calls per 24 hours (200 × its engaged people) rather than per second; ten a
  // second with a few in flight stays far inside it for a store's order volume.
  defaultRatePerSecond: 10,
  defaultConcurrency: 4,
  send: sendMessenger,
  verifyStatusCallback(request, credentials) {
    return verifyHubSignature(request.headers.get("x-hub-signature-256"), request.body, credentials.appSecret, "Messenger");
  },
  parseStatusCallback: parseMessengerDeliveries,
  verificationChallenge(query, credentials) {
    return hubChallenge(query, credentials.verifyToken);
  },
};
