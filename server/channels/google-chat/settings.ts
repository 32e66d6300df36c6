import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

export const GOOGLE_CHAT_API_BASE_URL = "https://chat.googleapis.com";
export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
export const GOOGLE_CHAT_BOT_SCOPE = "https://www.googleapis.com/auth/chat.bot";

export type GoogleChatMode = "webhook" | "api";
export type GoogleChatCredentials = { webhookUrl?: string; serviceAccountKey?: string };
export type GoogleChatConfig = { mode: GoogleChatMode | "auto"; defaultChannel?: string; tokenUrl?: string };
export type ServiceAccountKey = { client_email: string; private_key: string };

/** `spaces/AAAA…`: the resource name of a Chat space. */
export const SPACE_NAME = /^spaces\/[A-Za-z0-9_-]+$/;

/** An incoming webhook: https://chat.googleapis.com/v1/spaces/{space}/messages?key=…&token=… */
export function isGoogleChatWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname === "chat.googleapis.com" && /^\/v1\/spaces\/[A-Za-z0-9_-]+\/messages$/.test(url.pathname) && url.searchParams.has("key") && url.searchParams.has("token");
  } catch {
    return false;
  }
}

/** The two fields Orderbell needs from a service account's JSON key, or null when it is not one. */
export function readServiceAccountKey(json: string): ServiceAccountKey | null {
  try {
    const key = JSON.parse(json) as Partial<ServiceAccountKey> & { type?: unknown };
    if (key.type !== "service_account" || typeof key.client_email !== "string" || typeof key.private_key !== "string" || !key.private_key.includes("PRIVATE KEY")) return null;
    return { client_email: key.client_email, private_key: key.private_key };
  } catch {
    return null;
  }
}

export const googleChatCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z
    .object({
      webhookUrl: z.string().refine(isGoogleChatWebhookUrl, "An incoming webhook URL looks like https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…: space menu → Apps & integrations → Webhooks.").optional(),
      serviceAccountKey: z.string().refine((value) => readServiceAccountKey(value) !== null, "Paste the whole JSON key file of the service account (it has \"type\": \"service_account\", client_email and private_key).").optional(),
    })
    .refine((value) => value.webhookUrl !== undefined || value.serviceAccountKey !== undefined, {
      error: "Paste an incoming webhook URL (one space), or a service account key of a Chat app (any space the app is in).",
      path: ["webhookUrl"],
    }),
);

export const googleChatConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    // "auto" (the form's first choice): API when a service account key is set, else webhook.
    mode: z.enum(["auto", "webhook", "api"], { error: "Choose automatic, webhook or api." }).default("auto"),
    // Named like Slack's: the dispatcher reads `defaultChannel` when a flow step names no destination.
    defaultChannel: z.string().regex(SPACE_NAME, "Use the space's resource name, spaces/AAAA… (from the space's URL: chat.google.com/room/AAAA…).").optional(),
    tokenUrl: z.url({ protocol: /^https?$/, error: "Use an http(s) URL." }).optional(),
  }),
);

export const googleChatFields: CredentialField[] = [
  {
    name: "webhookUrl",
    label: "Incoming webhook URL (webhook mode)",
    help: "In Google Chat: open the space → space name → Apps & integrations → Webhooks → Add webhook, copy the URL. Anyone with it can post to that space: it is kept as a secret. A channel base URL override replaces only its host (for a relay); the path, key and token are kept.",
    secret: true,
    required: false,
    placeholder: "https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…",
  },
  {
    name: "serviceAccountKey",
    label: "Service account JSON key (API mode)",
    help: "Google Cloud console → IAM & Admin → Service accounts → your Chat app's account → Keys → Add key → JSON; paste the file's content. The Chat API must be enabled and configured as an app, and the app added to each space.",
    secret: true,
    required: false,
  },
  {
    name: "mode",
    label: "Mode",
    help: "Webhook: always the webhook's own space. API: the space named in the flow step or the default space, sent idempotently (a retry never posts twice). Automatic: API when a service account key is set, else webhook.",
    secret: false,
    required: false,
    options: [
      { value: "auto", label: "Automatic (API if a service account key is set)" },
      { value: "webhook", label: "Incoming webhook" },
      { value: "api", label: "Chat API (service account)" },
    ],
  },
  {
    name: "defaultChannel",
    label: "Default space (API mode)",
    help: "Where internal alerts go when the flow step names no space: spaces/AAAA…, the last part of the space's URL.",
    secret: false,
    required: false,
    placeholder: "spaces/AAAAbbbbCCC",
  },
  {
    name: "tokenUrl",
    label: "Token endpoint (advanced)",
    help: `Where the service account's token is requested. Default ${GOOGLE_TOKEN_URL}; change only for a proxy.`,
    secret: false,
    required: false,
    placeholder: GOOGLE_TOKEN_URL,
  },
];
