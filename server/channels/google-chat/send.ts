import { createHash } from "node:crypto";
import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { stableUuid } from "../line/stable-uuid";
import { withAccessToken, type TokenGrant } from "../oauth/oauth-token";
import type { ProviderAnswer, Refusal } from "../provider-request";
import { rebaseUrl } from "../webhook/rebase-url";
import {
  GOOGLE_CHAT_API_BASE_URL,
  GOOGLE_CHAT_BOT_SCOPE,
  GOOGLE_TOKEN_URL,
  readServiceAccountKey,
  SPACE_NAME,
  type GoogleChatConfig,
  type GoogleChatCredentials,
  type GoogleChatMode,
} from "./settings";

/** Google Chat refuses a message over 32,000 bytes. */
export const GOOGLE_CHAT_MAX_BYTES = 32_000;

type ChatError = { error?: { code?: unknown; message?: unknown; status?: unknown } };

export function googleChatMode(credentials: GoogleChatCredentials, config: GoogleChatConfig): GoogleChatMode {
  if (config.mode === "webhook" || config.mode === "api") return config.mode;
  return credentials.serviceAccountKey ? "api" : "webhook";
}

/**
 * Ids derived from the idempotency key, the same on every attempt: `requestId` makes Chat return the
 * message already created instead of posting again; `messageId` (client-, ≤ 63 lowercase characters)
 * names the message, so even a different requestId cannot duplicate it.
 */
export function chatIdsFor(idempotencyKey: string): { requestId: string; messageId: string } {
  return {
    requestId: stableUuid(`google-chat:${idempotencyKey}`),
    messageId: `client-${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 56)}`,
  };
}

/** "Google Chat PERMISSION_DENIED: The caller does not have permission" */
function chatRefusal({ json }: ProviderAnswer): Refusal | null {
  const error = (json as ChatError | null)?.error;
  if (!error || typeof error !== "object") return null;
  const status = typeof error.status === "string" ? error.status : null;
  const message = typeof error.message === "string" ? error.message : "no error message";
  // 429 RESOURCE_EXHAUSTED (per-space quota) and 5xx: retryable; 400/403/404 and a 401 that survived one
  // token refresh: permanent.
  return { error: `Google Chat${status ? ` ${status}` : ""}: ${message}` };
}

function messageNameOf(answer: ProviderAnswer): string | null {
  const name = (answer.json as { name?: unknown } | null)?.name;
  return typeof name === "string" && name !== "" ? name : null;
}

async function postWebhook(message: OutboundMessage, webhookUrl: string, context: SendContext): Promise<SendResult> {
  const url = new URL(webhookUrl);
  // The URL is the credential: its token and key are secrets even apart from the whole URL.
  context.secrets.add(url.searchParams.get("token"));
  context.secrets.add(url.searchParams.get("key"));
  // With a channel base URL override only the host changes (rebase-url.ts).
  const answer = await context.request({
    url: rebaseUrl(webhookUrl, context.baseUrl, GOOGLE_CHAT_API_BASE_URL),
    headers: { "content-type": "application/json; charset=UTF-8" },
    json: { text: message.text },
    refusal: chatRefusal,
  });
  return answer.ok ? { ok: true, providerMessageId: messageNameOf(answer), httpStatus: answer.status } : answer;
}

async function postWithApi(message: OutboundMessage, serviceAccountKey: string, config: GoogleChatConfig, context: SendContext): Promise<SendResult> {
  const key = readServiceAccountKey(serviceAccountKey);
  if (!key) return { ok: false, retryable: false, error: "The service account key is not a valid JSON key: paste the key file again." };
  const space = message.to.trim() || config.defaultChannel;
  if (!space) return { ok: false, retryable: false, error: "No Google Chat space to post to: name one in the flow step, or set the channel's default space." };
  if (!SPACE_NAME.test(space)) return { ok: false, retryable: false, error: `"${space}" is not a Google Chat space name (spaces/AAAA…).` };

  const grant: TokenGrant = { type: "jwt_bearer", tokenUrl: config.tokenUrl ?? GOOGLE_TOKEN_URL, clientEmail: key.client_email, privateKey: key.private_key, scope: GOOGLE_CHAT_BOT_SCOPE };
  const { requestId, messageId } = chatIdsFor(message.idempotencyKey);
  const query = new URLSearchParams({ requestId, messageId });
  const answer = await withAccessToken(grant, context, "Google service account token", (token) =>
    context.request({
      url: `${context.baseUrl}/v1/${space}/messages?${query}`,
      headers: { authorization: `Bearer ${token.accessToken}`, "content-type": "application/json; charset=UTF-8" },
      json: { text: message.text },
      // ALREADY_EXISTS: our own messageId is taken, so an earlier attempt created this very message.
      accepts: ({ status }) => status === 409,
      refusal: chatRefusal,
    }),
  );
  if (!answer.ok) return answer;
  return { ok: true, providerMessageId: answer.status === 409 ? `${space}/messages/${messageId}` : messageNameOf(answer), httpStatus: answer.status };
}

export async function sendGoogleChat(message: OutboundMessage, credentials: GoogleChatCredentials, config: GoogleChatConfig, context: SendContext): Promise<SendResult> {
  const bytes = Buffer.byteLength(message.text, "utf8");
  if (bytes > GOOGLE_CHAT_MAX_BYTES) {
    return { ok: false, retryable: false, error: `The message is ${bytes} bytes; Google Chat accepts at most ${GOOGLE_CHAT_MAX_BYTES}. Shorten the template.` };
  }
  if (googleChatMode(credentials, config) === "webhook") {
    if (!credentials.webhookUrl) return { ok: false, retryable: false, error: "This Google Chat channel is in webhook mode but has no webhook URL: add one, or switch to API mode." };
    return postWebhook(message, credentials.webhookUrl, context);
  }
  if (!credentials.serviceAccountKey) return { ok: false, retryable: false, error: "This Google Chat channel is in API mode but has no service account key: add one, or switch to webhook mode." };
  return postWithApi(message, credentials.serviceAccountKey, config, context);
}
