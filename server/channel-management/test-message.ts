import type { Channel } from "@/db/schema";
import type { OutboundMessage } from "../channels/channel-provider";

/** The message "Send test" sends: clearly a test, with a realistic order so every provider field is exercised. */
export function sampleMessageFor(channel: Pick<Channel, "id" | "name">, appUrl: string): Omit<OutboundMessage, "to"> {
  const receiptUrl = `${appUrl}/r/test`;
  return {
    subject: `Test from Orderbell: ${channel.name} works`,
    text: `This is a test message from Orderbell through the channel "${channel.name}". If you can read it, the channel is set up correctly.`,
    html: `<p>This is a test message from Orderbell through the channel <strong>${escapeHtml(channel.name)}</strong>.</p><p>If you can read it, the channel is set up correctly.</p>`,
    idempotencyKey: `test:${channel.id}:${Date.now()}`,
    statusCallbackUrl: `${appUrl}/api/status/${channel.id}`,
    variables: {
      "store.name": "Orderbell test",
      "customer.name": "Test Customer",
      "customer.first_name": "Test",
      "order.number": "TEST-1",
      "order.total": "$1.00",
      "order.delivery_estimate": "",
      "order.receipt_url": receiptUrl,
    },
    order: {
      id: "00000000-0000-4000-8000-000000000000",
      number: "TEST-1",
      currency: "USD",
      total: 100,
      subtotal: 100,
      taxTotal: 0,
      shippingTotal: 0,
      discountTotal: 0,
      items: [{ name: "Test item", variant: null, sku: "TEST", quantity: 1, unitPrice: 100, lineTotal: 100 }],
      customer: { name: "Test Customer", email: null, phone: null },
      receiptUrl,
      statusUrl: null,
      deliveryEstimate: null,
      placedAt: new Date().toISOString(),
      locale: "en-US",
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
