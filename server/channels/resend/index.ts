import { createHash } from "node:crypto";
import { type CreateEmailOptions, Resend } from "resend";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { answerFailure, networkFailure, type Refusal } from "../provider-request";
import { parseResendWebhook } from "./events";
import { RESEND_API_BASE_URL, resendConfigSchema, resendCredentialsSchema, resendFields, type ResendConfig, type ResendCredentials } from "./settings";
import { verifySvixSignature } from "./svix-signature";

export type { ResendConfig, ResendCredentials } from "./settings";
export { RESEND_API_BASE_URL } from "./settings";

type ResendError = { statusCode?: number | null; message?: unknown; name?: unknown };

/** Resend keeps an idempotency key for 24 h and accepts 1–256 characters; a longer one is hashed, stably. */
export function resendIdempotencyKey(key: string): string {
  return key.length <= 256 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

/** `Name <address>`, quoting the name when it holds characters that would otherwise split the address list. */
export function formatMailbox(name: string, address: string): string {
  if (/^[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~ ]+$/u.test(name)) return `${name} <${address}>`;
  return `"${name.replace(/(["\\])/g, "\\$1")}" <${address}>`;
}

function requestBody(message: OutboundMessage, config: ResendConfig): CreateEmailOptions {
  return {
    from: formatMailbox(config.fromName, config.fromAddress),
    to: [message.to],
    // Email needs a subject; a template without one still gets a meaningful line.
    subject: message.subject ?? `Order ${message.order.number}`,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(config.replyTo ? { replyTo: config.replyTo } : {}),
  };
}

/** The error Resend answered, as one line; 409 is about the idempotency key, not the message. */
function resendRefusal(error: ResendError): Refusal {
  const name = typeof error.name === "string" ? error.name : null;
  const message = typeof error.message === "string" ? error.message : null;
  const description = [name, message].filter(Boolean).join(": ") || null;
  // concurrent_idempotent_requests: the first request with this key is still being processed, so asking
  // again shortly returns its result. invalid_idempotent_request: the key was used with another body;
  // repeating cannot help.
  if (error.statusCode === 409) return { error: description, retryable: name === "concurrent_idempotent_requests", retryAfterMs: 1000 };
  // 401 missing_api_key, 403 invalid_api_key, 400/422 validation_error: permanent; 429 rate_limit_exceeded and
  // daily_quota_exceeded: retryable after retry-after; 5xx: retryable.
  return { error: description };
}

/**
 * Sends through Resend's official SDK, one client per channel: its `baseUrl` option keeps the channel's
 * base URL (and the local fake in tests) working. The SDK does its own fetch, so the channel's timeout is
 * its abort signal, and its answers are classified and redacted by the same rules as every other provider.
 */
async function send(message: OutboundMessage, credentials: ResendCredentials, config: ResendConfig, context: SendContext): Promise<SendResult> {
  const client = new Resend(credentials.apiKey, { baseUrl: context.baseUrl || RESEND_API_BASE_URL });
  const signal = AbortSignal.timeout(context.timeoutMs);
  const { data, error, headers } = await client.emails.send(requestBody(message, config), {
    // Same key → Resend returns the first send's id instead of sending again (24 h window).
    idempotencyKey: resendIdempotencyKey(message.idempotencyKey),
    signal,
  });
  if (data) return { ok: true, providerMessageId: data.id || null, httpStatus: 200 };
  // The SDK reports an unanswered request as an error without a status.
  if (typeof error?.statusCode !== "number") return networkFailure(signal.aborted ? signal.reason : error, context.timeoutMs);
  return answerFailure({ status: error.statusCode, headers: new Headers(headers ?? {}), text: "" }, resendRefusal(error), context.secrets);
}

export const resendProvider: ChannelProvider<ResendCredentials, ResendConfig> = {
  id: "resend",
  name: "Resend",
  kind: "email",
  description: "Sends order confirmation emails through the Resend API and tracks delivery, bounces and complaints.",
  docsUrl: "https://resend.com/docs/api-reference/emails/send-email",
  recipient: "email",
  defaultBaseUrl: RESEND_API_BASE_URL,
  credentialsSchema: resendCredentialsSchema,
  configSchema: resendConfigSchema,
  fields: resendFields,
  // Resend's default API rate limit is 2 requests per second per team (more on request).
  defaultRatePerSecond: 2,
  defaultConcurrency: 2,
  send,
  verifyStatusCallback(request, credentials) {
    if (!credentials.webhookSecret) {
      return { ok: false, reason: "No webhook signing secret is configured for this channel: paste the Resend webhook's whsec_… secret to accept delivery updates." };
    }
    return verifySvixSignature(request.headers, request.body, credentials.webhookSecret, new Date());
  },
  parseStatusCallback: parseResendWebhook,
};
