import { z } from "zod";
import { currencyFractionDigits } from "@/lib/format";
import type { ChannelProvider, OutboundMessage } from "../channel-provider";
import { secretText } from "../credential-rules";

export const KLAVIYO_API = "https://a.klaviyo.com";
/** Klaviyo requires a dated `revision` header; this is the one the adapter was written against. */
export const KLAVIYO_REVISION = "2026-07-15";
const DEFAULT_METRIC = "Placed Order";
const E164 = /^\+[1-9]\d{6,14}$/;

const credentialsSchema = z.object({ privateKey: secretText("private API key", 8).regex(/^pk_/, "A Klaviyo private API key starts with pk_.") });
const configSchema = z.object({
  revision: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}(\.\w+)?$/).optional(),
  metricName: z.string().trim().min(1).optional(),
});

type Credentials = z.infer<typeof credentialsSchema>;
type Config = z.infer<typeof configSchema>;

type JsonApiErrors = { errors?: Array<{ id?: string; code?: string; title?: string; detail?: string; source?: { pointer?: string; parameter?: string } }> };

/** The JSON:API errors as one line; null when there are none (the request path then shows the body). */
export function describeKlaviyoErrors(body: JsonApiErrors | null): string | null {
  const text = (Array.isArray(body?.errors) ? body.errors : [])
    .map((error) => {
      const where = error.source?.pointer ?? error.source?.parameter;
      return `${error.code ? `${error.code}: ` : ""}${error.detail ?? error.title ?? "no detail"}${where ? ` (${where})` : ""}`;
    })
    .join("; ");
  return text || null;
}

/**
 * The "Placed Order" event in Klaviyo's e-commerce shape (the property names its flow templates and
 * catalog features expect), money in major units, the profile identified by email and (if E.164) phone.
 */
export function placedOrderEvent(message: OutboundMessage, metricName: string) {
  const { order } = message;
  const scale = 10 ** currencyFractionDigits(order.currency);
  const major = (minor: number) => minor / scale;
  const [firstName, ...rest] = (order.customer.name ?? "").trim().split(/\s+/).filter(Boolean);
  const phone = order.customer.phone && E164.test(order.customer.phone) ? order.customer.phone : null;
  return {
    data: {
      type: "event",
      attributes: {
        properties: {
          OrderId: order.id,
          OrderNumber: order.number,
          Items: order.items.map((item) => ({
            ProductName: item.name,
            ...(item.variant ? { Variant: item.variant } : {}),
            ...(item.sku ? { SKU: item.sku } : {}),
            Quantity: item.quantity,
            ItemPrice: major(item.unitPrice),
            RowTotal: major(item.lineTotal),
          })),
          ItemNames: order.items.map((item) => item.name),
          Subtotal: major(order.subtotal),
          Tax: major(order.taxTotal),
          Shipping: major(order.shippingTotal),
          Discount: major(order.discountTotal),
          ReceiptURL: order.receiptUrl,
          ...(order.statusUrl ? { StatusURL: order.statusUrl } : {}),
          ...(order.deliveryEstimate ? { DeliveryEstimate: message.variables["order.delivery_estimate"] ?? order.deliveryEstimate } : {}),
        },
        metric: { data: { type: "metric", attributes: { name: metricName } } },
        profile: {
          data: {
            type: "profile",
            attributes: {
              email: message.to,
              // Klaviyo rejects the whole event for a phone that is not E.164, so an unusable one is left out.
              ...(phone ? { phone_number: phone } : {}),
              ...(firstName ? { first_name: firstName } : {}),
              ...(rest.length > 0 ? { last_name: rest.join(" ") } : {}),
            },
          },
        },
        value: major(order.total),
        value_currency: order.currency,
        // Klaviyo keeps one event per unique_id (per profile and metric): a retried send records nothing twice.
        unique_id: message.idempotencyKey,
        time: order.placedAt ?? new Date().toISOString(),
      },
    },
  };
}

/**
 * Klaviyo: records a "Placed Order" event on the customer's profile; the store's Klaviyo flow triggered by
 * that metric sends the confirmation, with the items, totals and receipt link as event properties.
 */
export const klaviyoProvider: ChannelProvider<Credentials, Config> = {
  id: "klaviyo",
  name: "Klaviyo",
  kind: "crm",
  description: "Records a Placed Order event on the customer's Klaviyo profile; a Klaviyo flow on that metric sends the confirmation.",
  docsUrl: "https://developers.klaviyo.com/en/reference/create_event",
  recipient: "email",
  defaultBaseUrl: KLAVIYO_API,
  credentialsSchema,
  configSchema,
  fields: [
    {
      name: "privateKey",
      label: "Private API key",
      help: "Settings → Account → API keys → Create Private API Key, with Events: Full access (and Profiles: Read/Write). Starts with pk_.",
      secret: true,
      required: true,
      placeholder: "pk_…",
    },
    {
      name: "metricName",
      label: "Metric name",
      help: "The metric your flow is triggered by. Default Placed Order; use another name to keep Orderbell's events apart from your store integration's.",
      secret: false,
      required: false,
      placeholder: DEFAULT_METRIC,
    },
    { name: "revision", label: "API revision", help: `The Klaviyo API revision header, default ${KLAVIYO_REVISION}.`, secret: false, required: false, placeholder: KLAVIYO_REVISION },
  ],
  // Create Event: 350 requests a second burst, 3,500 a minute steady.
  defaultRatePerSecond: 50,
  defaultConcurrency: 10,

  async send(message, credentials, config, context) {
    const answer = await context.request({
      url: `${context.baseUrl || KLAVIYO_API}/api/events`,
      headers: {
        authorization: `Klaviyo-API-Key ${credentials.privateKey}`,
        revision: config.revision ?? KLAVIYO_REVISION,
        "content-type": "application/vnd.api+json",
        accept: "application/vnd.api+json",
      },
      json: placedOrderEvent(message, config.metricName ?? DEFAULT_METRIC),
      refusal: ({ json }) => (json && typeof json === "object" ? { error: describeKlaviyoErrors(json as JsonApiErrors) } : null),
    });
    if (!answer.ok) return answer;
    // 202 Accepted with an empty body: Klaviyo returns no event id.
    return { ok: true, providerMessageId: null, httpStatus: answer.status };
  },
  // No status callbacks: Klaviyo's flow sends the email; its delivery events stay inside Klaviyo.
};
