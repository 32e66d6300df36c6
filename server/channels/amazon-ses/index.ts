import type { ChannelProvider } from "../channel-provider";
import { sendWithSes } from "./send";
import { SES_DEFAULT_BASE_URL, sesConfigSchema, sesCredentialsSchema, sesFields, type SesConfig, type SesCredentials } from "./settings";

export type { SesConfig, SesCredentials } from "./settings";

/**
 * Amazon SES v2 SendEmail, signed with AWS Signature Version 4 (aws4fetch). No delivery callbacks: SES
 * reports them through SNS, whose messages are RSA-signed with a certificate that must be fetched from
 * amazonaws.com at verification time, which the synchronous verifyStatusCallback cannot do (see the report).
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
};
