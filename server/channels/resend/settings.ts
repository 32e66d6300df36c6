import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

export const RESEND_API_BASE_URL = "https://api.resend.com";

export type ResendCredentials = { apiKey: string; webhookSecret?: string };
export type ResendConfig = { fromAddress: string; fromName: string; replyTo?: string };

export const resendCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    apiKey: z
      .string({ error: "Paste a Resend API key (re_…)." })
      .regex(/^re_\S{8,}$/, "A Resend API key starts with re_ and goes on for at least 8 characters: create one under API Keys in the Resend dashboard."),
    webhookSecret: z
      .string()
      // Svix secrets are whsec_ followed by base64: anything else cannot verify a single webhook.
      .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "A Resend webhook signing secret starts with whsec_: copy it from the webhook's page in the Resend dashboard.")
      .optional(),
  }),
);

export const resendConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    fromAddress: z.email({ error: "Enter the sender address, e.g. orders@shop.example, on a domain verified in Resend." }),
    fromName: z.string({ error: "Enter the sender name customers see, e.g. your store's name." }).max(200),
    replyTo: z.email({ error: "Enter a valid reply-to address, or leave it empty." }).optional(),
  }),
);

export const resendFields: CredentialField[] = [
  {
    name: "apiKey",
    label: "API key",
    help: "Resend dashboard → API Keys → Create API key. “Sending access” limited to your domain is enough. Starts with re_.",
    secret: true,
    required: true,
    placeholder: "re_…",
  },
  {
    name: "webhookSecret",
    label: "Webhook signing secret (optional, for delivery status)",
    help: "Resend dashboard → Webhooks → Add endpoint with this channel's status URL and the events email.sent, email.delivered, email.bounced and email.complained; then copy the endpoint's Signing secret (whsec_…). Without it, delivery updates are refused.",
    secret: true,
    required: false,
    placeholder: "whsec_…",
  },
  {
    name: "fromAddress",
    label: "From address",
    help: "The sender address; its domain must be verified under Domains in the Resend dashboard.",
    secret: false,
    required: true,
    placeholder: "orders@shop.example",
  },
  {
    name: "fromName",
    label: "From name",
    help: "The name shown as the sender, usually your store's name.",
    secret: false,
    required: true,
    placeholder: "Trail & Co",
  },
  {
    name: "replyTo",
    label: "Reply-to address (optional)",
    help: "Where customer replies go, e.g. your support inbox. Leave empty to receive replies at the from address.",
    secret: false,
    required: false,
    placeholder: "support@shop.example",
  },
];
