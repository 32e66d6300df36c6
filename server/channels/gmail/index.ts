import type { ChannelProvider } from "../channel-provider";
import { sendWithGmail } from "./send";
import { GMAIL_DEFAULT_BASE_URL, gmailConfigSchema, gmailCredentialsSchema, gmailFields, type GmailConfig, type GmailCredentials } from "./settings";

export type { GmailConfig, GmailCredentials } from "./settings";

/**
 * Gmail API `users.messages.send`: an RFC 2822 message, base64url in `raw`, sent with an OAuth access
 * token from a refresh token or a Workspace service account. Gmail has no delivery callbacks (bounces
 * come back as mail to the mailbox).
 */
export const gmailProvider: ChannelProvider<GmailCredentials, GmailConfig> = {
  id: "gmail",
  name: "Gmail",
  kind: "email",
  description: "Sends order confirmation emails from a Gmail or Google Workspace mailbox through the Gmail API.",
  docsUrl: "https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send",
  recipient: "email",
  defaultBaseUrl: GMAIL_DEFAULT_BASE_URL,
  credentialsSchema: gmailCredentialsSchema,
  configSchema: gmailConfigSchema,
  fields: gmailFields,
  // messages.send costs 100 of the 250 quota units a user may spend per second; mailboxes also have a
  // daily sending limit (500 for consumer Gmail, 2,000 for Workspace).
  defaultRatePerSecond: 2,
  defaultConcurrency: 2,
  send: sendWithGmail,
};
