import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure } from "../http-failure";
import { MAILGUN_DEFAULT_BASE_URL, MAILGUN_EU_BASE_URL, type MailgunConfig, type MailgunCredentials } from "./settings";

/** The EU host for an EU domain, only when the channel has no base-URL override (a proxy or fake wins). */
export function mailgunBaseUrl(contextBaseUrl: string, region: MailgunConfig["region"]): string {
  const isDefault = contextBaseUrl === "" || contextBaseUrl === MAILGUN_DEFAULT_BASE_URL;
  if (isDefault && region === "eu") return MAILGUN_EU_BASE_URL;
  return contextBaseUrl === "" ? MAILGUN_DEFAULT_BASE_URL : contextBaseUrl;
}

/** `"Display Name" <address>`: always quoted, so commas or dots in a store name cannot split the address. */
export function mailbox(name: string, address: string): string {
  return `"${name.replace(/[\\"]/g, "\\$&")}" <${address}>`;
}

/**
 * The multipart form Mailgun's OpenAPI describes. `v:` variables come back as `user-variables` in every
 * webhook event; the `h:` header travels with the message itself.
 */
export function messageForm(message: OutboundMessage, config: MailgunConfig): FormData {
  const form = new FormData();
  form.append("from", mailbox(config.fromName, config.fromAddress));
  form.append("to", message.to);
  form.append("subject", message.subject ?? "");
  form.append("text", message.text);
  if (message.html) form.append("html", message.html);
  if (config.replyTo) form.append("h:Reply-To", config.replyTo);
  form.append("h:X-Orderbell-Idempotency-Key", message.idempotencyKey);
  form.append("v:order_id", message.order.id);
  form.append("v:idempotency_key", message.idempotencyKey);
  return form;
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join("[redacted]") : text;
}

/** Mailgun's 429 says "…try again after 120 seconds" in the body rather than in Retry-After. */
function retryAfterFromMessage(text: string): number | null {
  const match = /after (\d+) seconds?/i.exec(text);
  return match ? Number(match[1]) * 1000 : null;
}

export async function sendWithMailgun(message: OutboundMessage, credentials: MailgunCredentials, config: MailgunConfig, context: SendContext): Promise<SendResult> {
  const url = `${mailgunBaseUrl(context.baseUrl, config.region)}/v3/${encodeURIComponent(config.domain)}/messages`;
  let response: Response;
  try {
    // fetch sets the multipart boundary itself from the FormData body.
    response = await context.fetch(url, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`api:${credentials.apiKey}`).toString("base64")}`, accept: "application/json" },
      body: messageForm(message, config),
    });
  } catch (error) {
    return networkFailure(error, context.timeoutMs);
  }
  const text = await response.text().catch(() => "");
  let body: { id?: unknown; message?: unknown } | null = null;
  try {
    body = text ? (JSON.parse(text) as { id?: unknown; message?: unknown }) : null;
  } catch {
    body = null;
  }
  if (response.ok) {
    // The id comes as "<…@domain>"; webhook events carry it without the angle brackets.
    const id = typeof body?.id === "string" ? body.id.trim().replace(/^<|>$/g, "") : null;
    return { ok: true, providerMessageId: id || null, httpStatus: response.status };
  }
  // Errors are {"message": "…"}, except the 401, which is the plain text "Forbidden".
  const description = typeof body?.message === "string" ? body.message : text.trim().slice(0, 300) || response.statusText || "no error description";
  const error = redact(description, credentials.apiKey);
  const retryAfter = response.status === 429 && !response.headers.get("retry-after") ? retryAfterFromMessage(description) : null;
  // 404 is an unknown or unverified domain: permanent, as httpFailure treats every 4xx but 408/429.
  return httpFailure(response, response.status === 404 ? `${error} (is the domain right, and in this region?)` : error, { retryAfterMs: retryAfter });
}
