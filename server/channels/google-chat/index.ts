import type { ChannelProvider } from "../channel-provider";
import { sendGoogleChat } from "./send";
import { GOOGLE_CHAT_API_BASE_URL, googleChatConfigSchema, googleChatCredentialsSchema, googleChatFields, type GoogleChatConfig, type GoogleChatCredentials } from "./settings";

export type { GoogleChatConfig, GoogleChatCredentials } from "./settings";
export { GOOGLE_CHAT_API_BASE_URL } from "./settings";

/**
 * Google Chat, for the store's own team: the rendered alert posted to a space, through an incoming webhook
 * (one fixed space) or as a Chat app with a service account (any space the app was added to, idempotent).
 * @see https://developers.google.com/workspace/chat/api/reference/rest/v1/spaces.messages/create
 */
export const googleChatProvider: ChannelProvider<GoogleChatCredentials, GoogleChatConfig> = {
  id: "google-chat",
  name: "Google Chat",
  kind: "chat",
  description: "Posts an alert for each new order to a Google Chat space, by incoming webhook or as a Chat app.",
  docsUrl: "https://developers.google.com/workspace/chat/quickstart/webhooks",
  recipient: "internal",
  defaultBaseUrl: GOOGLE_CHAT_API_BASE_URL,
  credentialsSchema: googleChatCredentialsSchema,
  configSchema: googleChatConfigSchema,
  fields: googleChatFields,
  // Chat allows one message write per second per space (60 a minute); webhooks share that quota.
  defaultRatePerSecond: 1,
  defaultConcurrency: 1,
  send: sendGoogleChat,
};
