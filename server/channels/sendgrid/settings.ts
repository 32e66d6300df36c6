import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { secretText } from "../credential-rules";

export const SENDGRID_DEFAULT_BASE_URL = "https://api.sendgrid.com";
/** EU regional subusers live on their own host; the global host refuses their keys. */
export const SENDGRID_EU_BASE_URL = "https://api.eu.sendgrid.com";

/** An empty form field arrives as "": treat it as not set. */
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const sendGridCredentialsSchema = z.object({
  apiKey: secretText("SendGrid API key", 16).regex(/^SG\./, "A SendGrid API key starts with SG.: Settings → API Keys → Create API Key."),
});

export const sendGridConfigSchema = z.object({
  fromAddress: z.email("The From address must be an email address"),
  // A line break in a display name would let a value inject headers; SendGrid refuses it anyway.
  fromName: z.string().trim().min(1).max(100).regex(/^[^\r\n]*$/, "The sender name must be one line"),
  replyTo: z.preprocess(blankAsUndefined, z.email("Reply-To must be an email address").optional()),
  region: z.preprocess(blankAsUndefined, z.enum(["global", "eu"]).optional()),
  /** Public (not secret): the Event Webhook's verification key, base64 DER SubjectPublicKeyInfo. */
  eventWebhookPublicKey: z.preprocess(blankAsUndefined, z.string().trim().optional()),
});

export type SendGridCredentials = z.infer<typeof sendGridCredentialsSchema>;
export type SendGridConfig = z.infer<typeof sendGridConfigSchema>;

export const sendGridFields: CredentialField[] = [
  {
    name: "apiKey",
    label: "API key",
    help: "In SendGrid, Settings → API Keys → Create API Key. “Restricted Access” with only Mail Send → Full Access is enough. The key (SG.…) is shown once.",
    secret: true,
    required: true,
    placeholder: "SG.xxxxxxxx.yyyyyyyy",
  },
  {
    name: "fromAddress",
    label: "From address",
    help: "Must be a verified Single Sender or on a domain authenticated under Settings → Sender Authentication, or SendGrid answers 403.",
    secret: false,
    required: true,
    placeholder: "orders@shop.example",
  },
  { name: "fromName", label: "Sender name", help: "The name customers see, usually the store name.", secret: false, required: true, placeholder: "Trail & Co" },
  { name: "replyTo", label: "Reply-To (optional)", help: "Where customer replies go, if not the From address.", secret: false, required: false, placeholder: "support@shop.example" },
  {
    name: "region",
    label: "Region",
    help: "Choose EU only for an EU regional subuser (its keys work only on api.eu.sendgrid.com). Ignored when the channel has a base URL override.",
    secret: false,
    required: false,
    options: [
      { value: "global", label: "Global (api.sendgrid.com)" },
      { value: "eu", label: "EU (api.eu.sendgrid.com)" },
    ],
  },
  {
    name: "eventWebhookPublicKey",
    label: "Event Webhook verification key (optional)",
    help: "For delivery updates: Settings → Mail Settings → Event Webhook. Set the Post URL to this channel's status URL, select Processed, Delivered, Bounced and Dropped, turn on “Signed Event Webhook Requests” and paste the Verification Key shown there (a base64 public key).",
    secret: false,
    required: false,
    placeholder: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…",
  },
];
