import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { SENDGRID_DEFAULT_BASE_URL, SENDGRID_EU_BASE_URL, type SendGridConfig, type SendGridCredentials } from "./settings";

/**
 * The host to call: the EU host for the EU region, but only when the channel has no override (its base
 * URL is the provider default, or unset), so a proxy or a test fake always wins.
 */
export function sendGridBaseUrl(contextBaseUrl: string, region: SendGridConfig["region"]): string {
  const isDefault = contextBaseUrl === "" || contextBaseUrl === SENDGRID_DEFAULT_BASE_URL;
  if (isDefault && region === "eu") return SENDGRID_EU_BASE_URL;
  return contextBaseUrl === "" ? SENDGRID_DEFAULT_BASE_URL : contextBaseUrl;
}

/**
 * The v3 Mail Send body. Plain text goes before HTML (SendGrid refuses the other order). `custom_args`
 * are echoed into every Event Webhook event, so the order and our key can be traced from a bounce.
 */
export function mailSendBody(message: OutboundMessage, config: SendGridConfig) {
  const content: Array<{ type: string; value: string }> = [{ type: "text/plain", value: message.text }];
  if (message.html) content.push({ type: "text/html", value: message.html });
  return {
    personalizations: [
      {
        to: [{ email: message.to }],
        custom_args: { order_id: message.order.id, idempotency_key: message.idempotencyKey },
      },
    ],
    from: { email: config.fromAddress, name: config.fromName },
    ...(config.replyTo ? { reply_to: { email: config.replyTo } } : {}),
    subject: message.subject ?? "",
    content,
  };
}

type SendGridErrorBody = { errors?: Array<{ message?: string | null; field?: string | null; help?: string | null }> };

function describeErrors(body: SendGridErrorBody | null): string | null {
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const parts = errors.map((error) => [error.message ?? "error", error.field ? `(field ${error.field})` : ""].filter(Boolean).join(" "));
  return parts.length > 0 ? parts.join("; ") : null;
}

/** SendGrid throttles with X-RateLimit-Reset (epoch seconds) rather than Retry-After. */
function resetHeaderMs(headers: Headers, now = Date.now()): number | null {
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (!headers.get("x-ratelimit-reset") || !Number.isFinite(reset)) return null;
  return Math.max(0, reset * 1000 - now);
}

export async function sendWithSendGrid(message: OutboundMessage, credentials: SendGridCredentials, config: SendGridConfig, context: SendContext): Promise<SendResult> {
  const answer = await context.request({
    url: `${sendGridBaseUrl(context.baseUrl, config.region)}/v3/mail/send`,
    headers: { authorization: `Bearer ${credentials.apiKey}` },
    json: mailSendBody(message, config),
    refusal: ({ status, headers, json }) => ({
      error: describeErrors(json as SendGridErrorBody | null),
      retryAfterMs: status === 429 ? resetHeaderMs(headers) : null,
    }),
  });
  if (!answer.ok) return answer;
  // 202 with an empty body: the message id is only in this header (events carry it as a prefix).
  return { ok: true, providerMessageId: answer.headers.get("x-message-id") || null, httpStatus: answer.status };
}
