import { z } from "zod";
import type { CredentialField } from "../channel-provider";

export type WebhookCredentials = { signingSecret: string };
export type WebhookConfig = { url: string };

export const webhookCredentialsSchema = z.object({
  signingSecret: z
    .string({ error: "Enter a signing secret: a long random string shared with the receiver." })
    .trim()
    .min(24, "Use at least 24 characters, e.g. the output of `openssl rand -hex 32`."),
});

export const webhookConfigSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "Enter the http(s) URL that receives the webhook." })
    .trim()
    // fetch refuses URLs with user:password@, and a password does not belong in a non-secret setting.
    .refine((value) => !/^https?:\/\/[^/]*@/.test(value), "Put no user name or password in the URL: the receiver checks the signature instead."),
});

export const webhookFields: CredentialField[] = [
  {
    name: "signingSecret",
    label: "Signing secret",
    help: "A long random string you choose (e.g. `openssl rand -hex 32`), given to the receiver too: every request carries X-Orderbell-Signature = v1=hex(HMAC-SHA256(secret, timestamp + \".\" + raw body)). Receivers can copy verifyOrderbellWebhook from server/channels/webhook/signature.ts.",
    secret: true,
    required: true,
  },
  {
    name: "url",
    label: "Webhook URL",
    help: "Where Orderbell POSTs each order confirmation as JSON. Answer 2xx to accept; 408, 429 and 5xx are retried (Retry-After is honoured), any other answer fails the message. Redirects are not followed.",
    secret: false,
    required: true,
    placeholder: "https://erp.shop.example/hooks/orderbell",
  },
];
