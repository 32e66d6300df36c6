import { idToString, parseJsonLossless } from "../../sources/parse-json";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import type { ProviderAnswer, Refusal } from "../provider-request";
import { rebaseUrl } from "./rebase-url";
import { webhookConfigSchema, webhookCredentialsSchema, webhookFields, type WebhookConfig, type WebhookCredentials } from "./settings";
import { orderbellSignature } from "./signature";

export type { WebhookConfig, WebhookCredentials } from "./settings";
export { ORDERBELL_TOLERANCE_SECONDS, orderbellSignature, verifyOrderbellWebhook } from "./signature";

export const WEBHOOK_USER_AGENT = "Orderbell-Webhook/1";

/** The receiver's own error, short: `error`/`message` of a JSON answer, else the start of the text. */
function webhookRefusal({ status, json }: ProviderAnswer): Refusal | null {
  if (status >= 300 && status < 400) {
    return { error: "the webhook URL answered with a redirect, which Orderbell does not follow: configure the final URL", retryable: false };
  }
  const body = json as { error?: unknown; message?: unknown } | null;
  const field = [body?.error, body?.message].find((value) => typeof value === "string");
  // 408, 429 and 5xx: retryable, honouring Retry-After; any other 4xx: the receiver refused this message.
  return typeof field === "string" ? { error: field.slice(0, 200) } : null;
}

async function send(message: OutboundMessage, credentials: WebhookCredentials, config: WebhookConfig, context: SendContext): Promise<SendResult> {
  const body = JSON.stringify({
    type: "order.confirmation",
    idempotency_key: message.idempotencyKey,
    order: message.order,
    message: { to: message.to, subject: message.subject, text: message.text },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  // This provider has no default host (defaultBaseUrl null): a channel base URL, when set, replaces the
  // configured URL's origin and keeps its path and query (see rebase-url.ts).
  const answer = await context.request({
    url: rebaseUrl(config.url, context.baseUrl, null),
    headers: {
      "content-type": "application/json",
      "user-agent": WEBHOOK_USER_AGENT,
      "x-orderbell-timestamp": timestamp,
      "x-orderbell-signature": orderbellSignature(credentials.signingSecret, timestamp, body),
      "x-orderbell-idempotency-key": message.idempotencyKey,
    },
    body,
    // A redirect would turn the POST into a GET elsewhere, or carry the signed order to another host.
    redirect: "manual",
    refusal: webhookRefusal,
  });
  if (!answer.ok) return answer;
  let id: string | null = null;
  try {
    id = idToString((parseJsonLossless(answer.text) as { id?: unknown } | null)?.id);
  } catch {
    id = null;
  }
  return { ok: true, providerMessageId: id ?? message.idempotencyKey, httpStatus: answer.status };
}

/**
 * A signed JSON webhook for anything Orderbell has no provider for (an ERP, a fulfilment tool, a custom
 * app): the order and the rendered message, signed with a shared secret, retried until a 2xx.
 */
export const webhookProvider: ChannelProvider<WebhookCredentials, WebhookConfig> = {
  id: "webhook",
  name: "Signed webhook",
  kind: "webhook",
  description: "POSTs each order confirmation as signed JSON to a URL of your choice, for systems Orderbell has no provider for.",
  // Orderbell's own scheme: documented in signature.ts and in the signing secret's help text.
  docsUrl: "/channels",
  recipient: "internal",
  defaultBaseUrl: null,
  credentialsSchema: webhookCredentialsSchema,
  configSchema: webhookConfigSchema,
  fields: webhookFields,
  // The receiver is the store's own system with no published limit: a gentle default it can raise.
  defaultRatePerSecond: 10,
  defaultConcurrency: 4,
  send,
};
