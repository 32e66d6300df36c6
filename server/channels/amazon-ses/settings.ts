import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { secretText } from "../credential-rules";

/** The real endpoint for the default region; other regions are built from the region (see sesBaseUrl). */
export const SES_DEFAULT_REGION = "us-east-1";
export const SES_DEFAULT_BASE_URL = `https://email.${SES_DEFAULT_REGION}.amazonaws.com`;

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const sesCredentialsSchema = z.object({
  accessKeyId: z.string().trim().regex(/^[A-Z0-9]{16,128}$/, "An AWS access key id, e.g. AKIA…"),
  secretAccessKey: secretText("secret access key", 16),
  /** Only for temporary credentials (STS); they expire, so a long-lived IAM user key is the usual choice. */
  sessionToken: z.preprocess(blankAsUndefined, secretText("session token", 16).optional()),
});

export const sesConfigSchema = z.object({
  region: z.string().trim().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "An AWS region code, e.g. us-east-1 or eu-west-1"),
  fromAddress: z.email("The From address must be an email address"),
  fromName: z.string().trim().min(1).max(100).regex(/^[^\r\n]*$/, "The sender name must be one line"),
  replyTo: z.preprocess(blankAsUndefined, z.email("Reply-To must be an email address").optional()),
  configurationSetName: z.preprocess(blankAsUndefined, z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "Letters, digits, _ and - only").optional()),
  /** Public: the SNS topic the configuration set publishes delivery events to; only its messages are accepted. */
  snsTopicArn: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .regex(/^arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:[A-Za-z0-9_-]{1,256}$/, "An SNS topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:ses-events")
      .optional(),
  ),
});

export type SesCredentials = z.infer<typeof sesCredentialsSchema>;
export type SesConfig = z.infer<typeof sesConfigSchema>;

export const sesFields: CredentialField[] = [
  {
    name: "accessKeyId",
    label: "Access key ID",
    help: "IAM → Users → a user whose policy allows ses:SendEmail → Security credentials → Create access key.",
    secret: true,
    required: true,
    placeholder: "AKIA…",
  },
  { name: "secretAccessKey", label: "Secret access key", help: "Shown once, next to the access key ID, when the key is created.", secret: true, required: true },
  { name: "sessionToken", label: "Session token (optional)", help: "Only for temporary STS credentials; leave empty for an IAM user's access key.", secret: true, required: false },
  {
    name: "region",
    label: "Region",
    help: "The SES region where the sender identity is verified (SES console, region selector top right), e.g. us-east-1, eu-west-1.",
    secret: false,
    required: true,
    placeholder: "us-east-1",
  },
  {
    name: "fromAddress",
    label: "From address",
    help: "An address or domain verified under SES → Configuration → Identities in that region. While the account is in the sandbox, recipients must be verified too.",
    secret: false,
    required: true,
    placeholder: "orders@shop.example",
  },
  { name: "fromName", label: "Sender name", help: "The name customers see, usually the store name.", secret: false, required: true, placeholder: "Trail & Co" },
  { name: "replyTo", label: "Reply-To (optional)", help: "Where customer replies go, if not the From address.", secret: false, required: false, placeholder: "support@shop.example" },
  {
    name: "configurationSetName",
    label: "Configuration set (optional)",
    help: "An SES configuration set (SES → Configuration sets) to apply, e.g. for event publishing or a dedicated IP pool.",
    secret: false,
    required: false,
  },
  {
    name: "snsTopicArn",
    label: "SNS topic ARN (optional, for delivery status)",
    help: "For delivery, bounce and complaint updates: in the configuration set above add an event destination of type Amazon SNS (events Deliveries, Hard bounces, Complaints) with a topic in the same region, subscribe this channel's status URL to the topic over HTTPS, and paste the topic's ARN here. Orderbell confirms the subscription and accepts only this topic's messages, signed by Amazon SNS.",
    secret: false,
    required: false,
    placeholder: "arn:aws:sns:us-east-1:123456789012:ses-events",
  },
];
