import type { ChannelProvider, OutboundMessage, SendResult } from "../channel-provider";
import { createSendContext } from "../send-context";

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
  const context = createSendContext({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 2000, cache: options.cache ?? new Map() });
  return provider.send(sampleMessage(options.message), options.credentials, options.config, context);
}
