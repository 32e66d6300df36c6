import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { secretText } from "../credential-rules";

export const MAILGUN_DEFAULT_BASE_URL = "https://api.mailgun.net";
/** Domains created in Mailgun's EU region exist only on the EU host. */
export const MAILGUN_EU_BASE_URL = "https://api.eu.mailgun.net";

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const mailgunCredentialsSchema = z.object({
  apiKey: secretText("Mailgun API key", 16),
  /** Only needed for delivery updates. */
  webhookSigningKey: z.preprocess(blankAsUndefined, secretText("webhook signing key", 8).optional()),
});

export const mailgunConfigSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, "The sending domain, e.g. mg.shop.example"),
  fromAddress: z.email("The From address must be an email address"),
  fromName: z.string().trim().min(1).max(100).regex(/^[^\r\n]*$/, "The sender name must be one line"),
  replyTo: z.preprocess(blankAsUndefined, z.email("Reply-To must be an email address").optional()),
  region: z.preprocess(blankAsUndefined, z.enum(["us", "eu"]).optional()),
});

export type MailgunCredentials = z.infer<typeof mailgunCredentialsSchema>;
export type MailgunConfig = z.infer<typeof mailgunConfigSchema>;

export const mailgunFields: CredentialField[] = [
  {
    name: "apiKey",
    label: "API key",
    help: "In Mailgun, top-right menu → API Security (or Sending → Domain settings → Sending API keys for a key limited to one domain).",
    secret: true,
    required: true,
  },
  {
    name: "webhookSigningKey",
    label: "HTTP webhook signing key (optional)",
    help: "For delivery updates: Sending → Webhooks shows the “HTTP webhook signing key”. Add webhooks for Delivered and Permanent failure pointing at this channel's status URL.",
    secret: true,
    required: false,
  },
  { name: "domain", label: "Sending domain", help: "A verified domain from Sending → Domains, e.g. mg.shop.example.", secret: false, required: true, placeholder: "mg.shop.example" },
  { name: "fromAddress", label: "From address", help: "An address on the sending domain (or one it may send for).", secret: false, required: true, placeholder: "orders@mg.shop.example" },
  { name: "fromName", label: "Sender name", help: "The name customers see, usually the store name.", secret: false, required: true, placeholder: "Trail & Co" },
  { name: "replyTo", label: "Reply-To (optional)", help: "Where customer replies go, if not the From address.", secret: false, required: false, placeholder: "support@shop.example" },
  {
    name: "region",
    label: "Region",
    help: "The region the domain was created in (shown on the domain's page). Ignored when the channel has a base URL override.",
    secret: false,
    required: false,
    options: [
      { value: "us", label: "US (api.mailgun.net)" },
      { value: "eu", label: "EU (api.eu.mailgun.net)" },
    ],
  },
];
