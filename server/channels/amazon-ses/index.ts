import type { ChannelProvider } from "../channel-provider";
import { parseSesNotification } from "./events";
import { sendWithSes } from "./send";
import { verifySnsMessage } from "./sns";
import { SES_DEFAULT_BASE_URL, sesConfigSchema, sesCredentialsSchema, sesFields, type SesConfig, type SesCredentials } from "./settings";

export type { SesConfig, SesCredentials } from "./settings";

/**
 * Amazon SES v2 SendEmail, signed with AWS Signature Version 4 (aws4fetch). Delivery, bounce and complaint
 * events arrive through the configuration set's SNS topic: each message's signature is checked with the
 * certificate SNS serves from sns.<region>.amazonaws.com, and the subscription is confirmed (sns.ts).
 */
export const amazonSesProvider: ChannelProvider<SesCredentials, SesConfig> = {
  id: "amazon-ses",
  name: "Amazon SES",
  kind: "email",
  description: "Sends order confirmation emails through Amazon Simple Email Service (SES v2 SendEmail).",
  docsUrl: "https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html",
  recipient: "email",
  defaultBaseUrl: SES_DEFAULT_BASE_URL,
  credentialsSchema: sesCredentialsSchema,
  configSchema: sesConfigSchema,
  fields: sesFields,
  // A new production account's default maximum send rate is 14 messages per second (the sandbox: 1).
  defaultRatePerSecond: 14,
  defaultConcurrency: 5,
  send: sendWithSes,
  verifyStatusCallback: (request, _credentials, config, context) => verifySnsMessage(request, config.region, config.snsTopicArn, context),
  parseStatusCallback: (request, _credentials, config, context) => parseSesNotification(request, config.region, context),
};
