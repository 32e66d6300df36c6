import type { ChannelProvider } from "../channel-provider";
import { sendSlack } from "./send";
import { SLACK_API_BASE_URL, slackConfigSchema, slackCredentialsSchema, slackFields, type SlackConfig, type SlackCredentials } from "./settings";

export type { SlackConfig, SlackCredentials } from "./settings";
export { SLACK_API_BASE_URL } from "./settings";

/**
 * Slack, for the store's own team: each new order as an alert, with the rendered text and a compact block
 * of order number, total, customer and receipt link. Bot mode posts with chat.postMessage to the channel
 * the flow step names (or the default one); webhook mode posts to an incoming webhook's fixed channel.
 * @see https://api.slack.com/methods/chat.postMessage
 */
export const slackProvider: ChannelProvider<SlackCredentials, SlackConfig> = {
  id: "slack",
  name: "Slack",
  kind: "chat",
  description: "Posts an alert for each new order to a Slack channel, with the total, the customer and a receipt link.",
  docsUrl: "https://api.slack.com/methods/chat.postMessage",
  recipient: "internal",
  defaultBaseUrl: SLACK_API_BASE_URL,
  credentialsSchema: slackCredentialsSchema,
  configSchema: slackConfigSchema,
  fields: slackFields,
  // chat.postMessage and incoming webhooks allow about one message per second per channel (short bursts
  // tolerated); beyond that Slack answers 429 with Retry-After.
  defaultRatePerSecond: 1,
  defaultConcurrency: 1,
  send: sendSlack,
};
