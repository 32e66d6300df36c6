import type { Customer, Order, OrderItem } from "@/db/schema";
import type { OutboundOrder } from "../channels/channel-provider";

type OrderFields = Pick<Order, "id" | "number" | "currency" | "total" | "subtotal" | "taxTotal" | "shippingTotal" | "discountTotal" | "statusUrl" | "deliveryEstimate" | "placedAt" | "locale">;
type ItemFields = Pick<OrderItem, "name" | "variant" | "sku" | "quantity" | "unitPrice" | "lineTotal">;

/** The order as providers see it: structured, amounts in minor units of its currency. */
export function outboundOrderOf(order: OrderFields, items: ItemFields[], customer: Pick<Customer, "name" | "email" | "phone" | "locale"> | null, receiptUrl: string, defaultLocale: string): OutboundOrder {
  return {
    id: order.id,
    number: order.number,
    currency: order.currency,
    total: order.total,
    subtotal: order.subtotal,
    taxTotal: order.taxTotal,
    shippingTotal: order.shippingTotal,
    discountTotal: order.discountTotal,
    items: items.map((item) => ({ name: item.name, variant: item.variant, sku: item.sku, quantity: item.quantity, unitPrice: item.unitPrice, lineTotal: item.lineTotal })),
    customer: { name: customer?.name ?? null, email: customer?.email ?? null, phone: customer?.phone ?? null },
    receiptUrl,
    statusUrl: order.statusUrl,
    deliveryEstimate: order.deliveryEstimate,
    placedAt: order.placedAt?.toISOString() ?? null,
    locale: order.locale ?? customer?.locale ?? defaultLocale,
  };
}
