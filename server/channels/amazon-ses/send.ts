import { AwsV4Signer } from "aws4fetch";
import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import type { ProviderAnswer, Refusal } from "../provider-request";
import { SES_DEFAULT_BASE_URL, type SesConfig, type SesCredentials } from "./settings";

/**
 * SES has one host per region. When the channel has no override (its base URL is the provider default, or
 * unset) the host is built from the configured region; an override (a proxy, a VPC endpoint, a test fake)
 * is used as it is. The signature's region always comes from the config.
 */
export function sesBaseUrl(contextBaseUrl: string, region: string): string {
  return contextBaseUrl === "" || contextBaseUrl === SES_DEFAULT_BASE_URL ? `https://email.${region}.amazonaws.com` : contextBaseUrl;
}

/** SES wants a non-ASCII display name as an RFC 2047 encoded word; an ASCII one is quoted. */
export function fromAddress(name: string, address: string): string {
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/[\\"]/g, "\\$&")}"` : `=?UTF-8?B?${Buffer.from(name, "utf8").toString("base64")}?=`;
  return `${display} <${address}>`;
}

/** Tag values may only hold ASCII letters, digits, _ and - (256 at most). */
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256) || "_";

export function sendEmailBody(message: OutboundMessage, config: SesConfig) {
  return {
    FromEmailAddress: fromAddress(config.fromName, config.fromAddress),
    Destination: { ToAddresses: [message.to] },
    ...(config.replyTo ? { ReplyToAddresses: [config.replyTo] } : {}),
    Content: {
      Simple: {
        Subject: { Data: message.subject ?? "", Charset: "UTF-8" },
        Body: {
          Text: { Data: message.text, Charset: "UTF-8" },
          ...(message.html ? { Html: { Data: message.html, Charset: "UTF-8" } } : {}),
        },
      },
    },
    ...(config.configurationSetName ? { ConfigurationSetName: config.configurationSetName } : {}),
    // SES has no idempotency key; tags reach configuration-set event destinations, so a bounce can be traced.
    EmailTags: [
      { Name: "order_id", Value: tagValue(message.order.id) },
      { Name: "idempotency_key", Value: tagValue(message.idempotencyKey) },
    ],
  };
}

/**
 * Error types worth trying again. TooManyRequestsException is the per-second throttle (429);
 * LimitExceededException is what SES answers when a sending quota is used up, which frees up over time, so
 * it is retried later rather than failing the chain. Every other 4xx type (MessageRejected, an unverified
 * identity, a suspended or paused account, a bad signature) needs a person.
 */
const RETRYABLE_TYPES = new Set(["TooManyRequestsException", "LimitExceededException", "ThrottlingException", "Throttling"]);

/** "MessageRejected:http://internal.amazon.com/coral/…" → "MessageRejected", with SES's own message. */
function sesRefusal({ headers, json }: ProviderAnswer): Refusal {
  const type = (headers.get("x-amzn-errortype") ?? "").split(":")[0] || null;
  const payload = json as { message?: unknown; Message?: unknown } | null;
  const text = typeof payload?.message === "string" ? payload.message : typeof payload?.Message === "string" ? payload.Message : null;
  const error = [type, text].filter(Boolean).join(": ") || null;
  return { error, ...(type && RETRYABLE_TYPES.has(type) ? { retryable: true } : {}) };
}

export async function sendWithSes(message: OutboundMessage, credentials: SesCredentials, config: SesConfig, context: SendContext): Promise<SendResult> {
  const url = `${sesBaseUrl(context.baseUrl, config.region)}/v2/email/outbound-emails`;
  const body = JSON.stringify(sendEmailBody(message, config));
  // aws4fetch only signs here; the request itself goes through the request path, which carries the
  // timeout (AwsClient.fetch would retry on its own and ignore it).
  const signed = await new AwsV4Signer({
    method: "POST",
    url,
    headers: { "content-type": "application/json" },
    body,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    service: "ses",
    region: config.region,
  }).sign();
  const answer = await context.request({ url: signed.url.toString(), headers: Object.fromEntries(signed.headers), body, refusal: sesRefusal });
  if (!answer.ok) return answer;
  const id = (answer.json as { MessageId?: unknown } | null)?.MessageId;
  return { ok: true, providerMessageId: typeof id === "string" ? id : null, httpStatus: answer.status };
}
