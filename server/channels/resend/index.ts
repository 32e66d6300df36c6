import { createHash } from "node:crypto";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure, readJson } from "../http-failure";
import { parseResendWebhook } from "./events";
import { RESEND_API_BASE_URL, resendConfigSchema, resendCredentialsSchema, resendFields, type ResendConfig, type ResendCredentials } from "./settings";
import { verifySvixSignature } from "./svix-signature";

export type { ResendConfig, ResendCredentials } from "./settings";
export { RESEND_API_BASE_URL } from "./settings";

type ResendError = { statusCode?: unknown; message?: unknown; name?: unknown };

/** Resend keeps an idempotency key for 24 h and accepts 1–256 characters; a longer one is hashed, stably. */
export function resendIdempotencyKey(key: string): string {
  return key.length <= 256 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

/** `Name <address>`, quoting the name when it holds characters that would otherwise split the address list. */
export function formatMailbox(name: string, address: string): string {
  if (/^[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~ ]+$/u.test(name)) return `${name} <${address}>`;
  return `"${name.replace(/(["\\])/g, "\\$1")}" <${address}>`;
}

function requestBody(message: OutboundMessage, config: ResendConfig) {
  return {
    from: formatMailbox(config.fromName, config.fromAddress),
    to: [message.to],
    // Email needs a subject; a template without one still gets a meaningful line.
    subject: message.subject ?? `Order ${message.order.number}`,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(config.replyTo ? { reply_to: config.replyTo } : {}),
  };
}

/** The provider's error as one line, without the API key even if a proxy echoed it back. */
function describeError(error: ResendError | null, apiKey: string): string {
  const name = typeof error?.name === "string" ? error.name : null;
  const message = typeof error?.message === "string" ? error.message : null;
  const line = [name, message].filter(Boolean).join(": ") || "Resend answered without an error body";
  return line.split(apiKey).join("[redacted]");
}

async function send(message: OutboundMessage, credentials: ResendCredentials, config: ResendConfig, context: SendContext): Promise<SendResult> {
  let response: Response;
  try {
    response = await context.fetch(`${context.baseUrl}/emails`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${credentials.apiKey}`,
        "content-type": "application/json",
        accept: "application/json",
        // Same key → Resend returns the first send's id instead of sending again (24 h window).
        "idempotency-key": resendIdempotencyKey(message.idempotencyKey),
      },
      body: JSON.stringify(requestBody(message, config)),
    });
  } catch (error) {
    return networkFailure(error, context.timeoutMs);
  }

  if (response.ok) {
    const body = await readJson<{ id?: unknown }>(response);
    const id = typeof body?.id === "string" && body.id !== "" ? body.id : null;
    return { ok: true, providerMessageId: id, httpStatus: response.status };
  }

  const error = await readJson<ResendError>(response);
  const description = describeError(error, credentials.apiKey);
  if (response.status === 409) {
    // concurrent_idempotent_requests: the first request with this key is still being processed, so asking
    // again shortly returns its result. invalid_idempotent_request: the key was used with another body;
    // repeating cannot help.
    return error?.name === "concurrent_idempotent_requests"
      ? httpFailure(response, description, { retryable: true, retryAfterMs: 1000 })
      : httpFailure(response, description, { retryable: false });
  }
  // 401 missing_api_key, 403 invalid_api_key, 400/422 validation_error: permanent; 429 rate_limit_exceeded and
  // daily_quota_exceeded: retryable after retry-after; 5xx: retryable.
  return httpFailure(response, description);
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
