import type { ChannelProvider } from "../channel-provider";
import { sendWithGraph } from "./send";
import { GRAPH_DEFAULT_BASE_URL, graphConfigSchema, graphCredentialsSchema, graphFields, type GraphConfig, type GraphCredentials } from "./settings";

export type { GraphConfig, GraphCredentials } from "./settings";

/**
 * Outlook / Exchange Online through Microsoft Graph `sendMail`, with an app-only (client credentials)
 * token. Graph answers 202 with no message id and has no delivery callbacks.
 */
export const microsoftGraphProvider: ChannelProvider<GraphCredentials, GraphConfig> = {
  id: "microsoft-graph",
  name: "Outlook (Microsoft Graph)",
  kind: "email",
  description: "Sends order confirmation emails from a Microsoft 365 / Exchange Online mailbox through Microsoft Graph sendMail.",
  docsUrl: "https://learn.microsoft.com/en-us/graph/api/user-sendmail",
  recipient: "email",
  defaultBaseUrl: GRAPH_DEFAULT_BASE_URL,
  credentialsSchema: graphCredentialsSchema,
  configSchema: graphConfigSchema,
  fields: graphFields,
  // Exchange Online lets a mailbox send 30 messages a minute; Outlook's Graph limits allow 4 concurrent
  // requests per app and mailbox.
  defaultRatePerSecond: 0.5,
  defaultConcurrency: 2,
  send: sendWithGraph,
};
