import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
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

/** Mailgun's 429 says "…try again after 120 seconds" in the body rather than in Retry-After. */
function retryAfterFromMessage(text: string): number | null {
  const match = /after (\d+) seconds?/i.exec(text);
  return match ? Number(match[1]) * 1000 : null;
}

export async function sendWithMailgun(message: OutboundMessage, credentials: MailgunCredentials, config: MailgunConfig, context: SendContext): Promise<SendResult> {
  const answer = await context.request({
    url: `${mailgunBaseUrl(context.baseUrl, config.region)}/v3/${encodeURIComponent(config.domain)}/messages`,
    headers: { authorization: `Basic ${Buffer.from(`api:${credentials.apiKey}`).toString("base64")}` },
    body: messageForm(message, config),
    refusal: ({ status, json }) => {
      // Errors are {"message": "…"}, except the 401, which is the plain text "Forbidden".
      const said = (json as { message?: unknown } | null)?.message;
      if (typeof said !== "string") return null;
      return {
        // 404 is an unknown or unverified domain: permanent, as every 4xx but 408/429.
        error: status === 404 ? `${said} (is the domain right, and in this region?)` : said,
        retryAfterMs: status === 429 ? retryAfterFromMessage(said) : null,
      };
    },
  });
  if (!answer.ok) return answer;
  // The id comes as "<…@domain>"; webhook events carry it without the angle brackets.
  const id = (answer.json as { id?: unknown } | null)?.id;
  const trimmed = typeof id === "string" ? id.trim().replace(/^<|>$/g, "") : "";
  return { ok: true, providerMessageId: trimmed || null, httpStatus: answer.status };
}
