import type { Store } from "@/db/schema";
import { defaultDeliveryEstimate } from "../orders/ingest-order-event";
import type { OrderMessageInput } from "./template-variables";

/**
 * A realistic order for previews: two items, a 10% discount, shipping and tax that add up, a customer with
 * email and phone. Amounts are minor units of the store's currency (12900 is $129.00 or ¥12,900).
 */
export function sampleOrder(store: Store, options: { locale: string; appUrl: string; now?: Date }): OrderMessageInput {
  const now = options.now ?? new Date();
  const placedAt = new Date(now.getTime() - 5 * 60_000);
  return {
    order: {
      number: "#1001",
      status: "paid",
      currency: store.currency,
      locale: options.locale,
      subtotal: 15800,
      discountTotal: 1580,
      shippingTotal: 499,
      taxTotal: 1138,
      total: 15857,
      deliveryEstimate: defaultDeliveryEstimate(store, now),
      statusUrl: null,
      placedAt,
      paidAt: now,
      receiptToken: "sample-receipt-preview-token",
    },
    items: [
      { name: "Trail Runner 2", variant: "Size 42 / Blue", sku: "TR2-42-BL", quantity: 1, unitPrice: 12900, lineTotal: 12900 },
      { name: "Merino Socks", variant: "M", sku: "MS-M", quantity: 2, unitPrice: 1450, lineTotal: 2900 },
    ],
    customer: { name: "Ada Lovelace", email: "ada@customer.example", phone: "+14155550132", locale: options.locale },
    store,
    appUrl: options.appUrl,
  };
}
