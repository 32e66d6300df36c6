import { z } from "zod";
import type { ConfigField, SecretField } from "../source-adapter";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

/** The real API base; `apiBaseUrl` overrides it (Sandbox: https://connect.squareupsandbox.com, tests, proxies). */
export const SQUARE_API_BASE_URL = "https://connect.squareup.com";
export const SQUARE_SANDBOX_API_BASE_URL = "https://connect.squareupsandbox.com";

export type SquareSecrets = { signatureKey: string; accessToken?: string };
export type SquareConfig = { notificationUrl?: string; apiBaseUrl?: string };

export const squareSecretsSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    signatureKey: z
      .string({ error: "Paste the webhook subscription's signature key from the Square Developer Console." })
      .regex(/^\S+$/, "A Square signature key has no spaces: copy it again from the webhook subscription."),
    accessToken: z.string().regex(/^\S+$/, "A Square access token has no spaces: copy it again from Credentials.").optional(),
  }),
);

const httpUrl = z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL." });

export const squareConfigSchema = z.preprocess(trimBlankToUndefined, z.object({ notificationUrl: httpUrl.optional(), apiBaseUrl: httpUrl.optional() }));

export const squareSecretFields: SecretField[] = [
  {
    name: "signatureKey",
    label: "Signature key",
    help: "Square Developer Console → your application → Webhooks → Subscriptions → this subscription → Signature key (Show). It signs every notification with HMAC-SHA256.",
    required: true,
  },
  {
    name: "accessToken",
    label: "Access token (optional, for line items)",
    help: "Square webhooks carry the payment only. With an access token that can read orders (ORDERS_READ), Orderbell fetches the order's items, tax, discounts and recipient; without one, the order shows a single “Order total” line.",
    required: false,
  },
];

export const squareConfigFields: ConfigField[] = [
  {
    name: "notificationUrl",
    label: "Notification URL as entered in Square (if different)",
    help: "Square signs the exact notification URL. Leave empty when it is this source's trigger URL; set it when Square calls another address (a proxy or tunnel) that forwards here.",
    required: false,
  },
  {
    name: "apiBaseUrl",
    label: "API base URL (advanced)",
    help: `Leave empty for Production (${SQUARE_API_BASE_URL}). For a Sandbox subscription enter ${SQUARE_SANDBOX_API_BASE_URL}.`,
    required: false,
    placeholder: SQUARE_API_BASE_URL,
  },
];
