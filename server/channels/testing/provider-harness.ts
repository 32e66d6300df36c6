import type { ChannelProvider, OutboundMessage, SendResult, StatusCallbackRequest } from "../channel-provider";
import { createSendContext, sendThrough } from "../send-context";

/** A realistic rendered confirmation, as the dispatcher hands it to a provider. */
export function sampleMessage(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    to: "ada@customer.example",
    subject: "Order #1001 confirmed — thank you, Ada!",
    text: "Hi Ada,\n\nThank you for your order #1001. Total $158.57.\nReceipt: https://orders.shop.example/r/abc",
    html: "<p>Hi Ada,</p><p>Thank you for your order <strong>#1001</strong>.</p>",
    variables: {
      "store.name": "Trail & Co",
      "customer.name": "Ada Lovelace",
      "customer.first_name": "Ada",
      "order.number": "#1001",
      "order.total": "$158.57",
      "order.delivery_estimate": "Dec 3, 2026",
      "order.receipt_url": "https://orders.shop.example/r/abc",
      "order.item_count": "3",
    },
    idempotencyKey: "0d9c8f3e-0000-4000-8000-000000000001:step-1:channel-1",
    statusCallbackUrl: "https://orders.shop.example/api/status/channel-1",
    order: {
      id: "0d9c8f3e-0000-4000-8000-000000000001",
      number: "#1001",
      currency: "USD",
      total: 15857,
      subtotal: 15800,
      taxTotal: 1138,
      shippingTotal: 499,
      discountTotal: 1580,
      items: [
        { name: "Trail Runner 2", variant: "42 / Blue", sku: "TR2-42-BL", quantity: 1, unitPrice: 12900, lineTotal: 12900 },
        { name: "Merino Socks", variant: "M", sku: "MS-M", quantity: 2, unitPrice: 1450, lineTotal: 2900 },
      ],
      customer: { name: "Ada Lovelace", email: "ada@customer.example", phone: "+14155550132" },
      receiptUrl: "https://orders.shop.example/r/abc",
      statusUrl: null,
      deliveryEstimate: "2026-12-03",
      placedAt: "2026-11-27T10:00:00.000Z",
      locale: "en-US",
    },
    ...overrides,
  };
}

/** Sends through a provider against a base URL (a local fake), exactly as the dispatcher does. */
export function sendWith<C, K>(
  provider: ChannelProvider<C, K>,
  options: { baseUrl: string | null; credentials: C; config: K; message?: Partial<OutboundMessage>; timeoutMs?: number; cache?: Map<string, unknown> },
): Promise<SendResult> {
  const context = createSendContext({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 2000, credentials: options.credentials, cache: options.cache ?? new Map() });
  return sendThrough(provider, sampleMessage(options.message), options.credentials, options.config, context);
}

/** A channel's context for callbacks, as the status route builds it; `fetch` stands in for the network. */
function callbackContext(credentials: unknown, fetchImpl?: typeof fetch) {
  return createSendContext({ baseUrl: null, timeoutMs: 2000, credentials, cache: new Map(), fetch: fetchImpl });
}

/** Verifies a delivery callback as the status route does. */
export async function verifyCallback<C, K>(provider: ChannelProvider<C, K>, request: StatusCallbackRequest, credentials: C, config: K, fetchImpl?: typeof fetch) {
  return provider.verifyStatusCallback!(request, credentials, config, callbackContext(credentials, fetchImpl));
}

/** Reads a verified delivery callback as the status route does. */
export async function parseCallback<C, K>(provider: ChannelProvider<C, K>, request: StatusCallbackRequest, credentials: C = {} as C, config: K = {} as K, fetchImpl?: typeof fetch) {
  return provider.parseStatusCallback!(request, credentials, config, callbackContext(credentials, fetchImpl));
}
