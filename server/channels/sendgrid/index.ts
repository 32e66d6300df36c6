import type { ChannelProvider } from "../channel-provider";
import { parseSendGridEvents, verifySendGridEvents } from "./event-webhook";
import { sendWithSendGrid } from "./send";
import { SENDGRID_DEFAULT_BASE_URL, sendGridConfigSchema, sendGridCredentialsSchema, sendGridFields, type SendGridConfig, type SendGridCredentials } from "./settings";

export type { SendGridConfig, SendGridCredentials } from "./settings";

/**
 * Twilio SendGrid, Mail Send v3. The API key goes in a Bearer header; the message id comes back in the
 * X-Message-Id header of an empty 202. Delivery updates arrive through the Signed Event Webhook.
 */
export const sendGridProvider: ChannelProvider<SendGridCredentials, SendGridConfig> = {
  id: "sendgrid",
  name: "SendGrid",
  kind: "email",
  description: "Sends order confirmation emails through Twilio SendGrid's Mail Send API and tracks delivery with its Event Webhook.",
  docsUrl: "https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send",
  recipient: "email",
  defaultBaseUrl: SENDGRID_DEFAULT_BASE_URL,
  credentialsSchema: sendGridCredentialsSchema,
  configSchema: sendGridConfigSchema,
  fields: sendGridFields,
  // Mail Send has no published per-second limit (only the 429 + X-RateLimit-* headers); stay modest.
  defaultRatePerSecond: 10,
  defaultConcurrency: 5,
  send: sendWithSendGrid,
  verifyStatusCallback: (request, _credentials, config) => verifySendGridEvents(request, config.eventWebhookPublicKey),
  parseStatusCallback: parseSendGridEvents,
};
