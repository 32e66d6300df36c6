import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure, readJson } from "../http-failure";
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

function describeErrors(body: SendGridErrorBody | null, fallback: string): string {
  const parts = (body?.errors ?? []).map((error) => [error.message ?? "error", error.field ? `(field ${error.field})` : ""].filter(Boolean).join(" "));
  return parts.length > 0 ? parts.join("; ") : fallback;
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join("[redacted]") : text;
}

/** SendGrid throttles with X-RateLimit-Reset (epoch seconds) rather than Retry-After. */
function resetHeaderMs(response: Response, now = Date.now()): number | null {
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  if (!response.headers.get("x-ratelimit-reset") || !Number.isFinite(reset)) return null;
  return Math.max(0, reset * 1000 - now);
}

export async function sendWithSendGrid(message: OutboundMessage, credentials: SendGridCredentials, config: SendGridConfig, context: SendContext): Promise<SendResult> {
  const url = `${sendGridBaseUrl(context.baseUrl, config.region)}/v3/mail/send`;
  let response: Response;
  try {
    response = await context.fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${credentials.apiKey}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(mailSendBody(message, config)),
    });
  } catch (error) {
    return networkFailure(error, context.timeoutMs);
  }
  if (response.ok) {
    await response.body?.cancel();
    // 202 with an empty body; the id only comes in this header (events carry it as a prefix).
    return { ok: true, providerMessageId: response.headers.get("x-message-id"), httpStatus: response.status };
  }
  const body = await readJson<SendGridErrorBody>(response);
  // SendGrid never echoes the key, but an error text must not carry it even if a proxy did.
  const error = redact(describeErrors(body, response.statusText || "no error description"), credentials.apiKey);
  const retryAfter = response.status === 429 && !response.headers.get("retry-after") ? resetHeaderMs(response) : null;
  return httpFailure(response, error, { retryAfterMs: retryAfter });
}
