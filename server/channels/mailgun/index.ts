import type { ChannelProvider } from "../channel-provider";
import { sendWithMailgun } from "./send";
import { MAILGUN_DEFAULT_BASE_URL, mailgunConfigSchema, mailgunCredentialsSchema, mailgunFields, type MailgunConfig, type MailgunCredentials } from "./settings";
import { parseMailgunWebhook, verifyMailgunWebhook } from "./webhook";

export type { MailgunConfig, MailgunCredentials } from "./settings";

/**
 * Mailgun Messages API: a multipart form posted to /v3/{domain}/messages with Basic `api:<key>`. Delivery
 * updates come from Mailgun webhooks, signed inside the JSON body with the HTTP webhook signing key.
 */
export const mailgunProvider: ChannelProvider<MailgunCredentials, MailgunConfig> = {
  id: "mailgun",
  name: "Mailgun",
  kind: "email",
  description: "Sends order confirmation emails through Mailgun's Messages API and tracks delivery with Mailgun webhooks.",
  docsUrl: "https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun/messages",
  recipient: "email",
  defaultBaseUrl: MAILGUN_DEFAULT_BASE_URL,
  credentialsSchema: mailgunCredentialsSchema,
  configSchema: mailgunConfigSchema,
  fields: mailgunFields,
  // Mailgun publishes no per-second API limit, only account sending limits and 429s; stay modest.
  defaultRatePerSecond: 10,
  defaultConcurrency: 5,
  send: sendWithMailgun,
  verifyStatusCallback: (request, credentials) => verifyMailgunWebhook(request, credentials.webhookSigningKey),
  parseStatusCallback: parseMailgunWebhook,
};
