import type { PostalAddress } from "@/db/schema";
import type { OrderEventCustomer, OrderEventItem } from "@/server/orders/order-event";
import { addressName, toPostalAddress } from "./address";
import type { SquareLineItem, SquareOrder, SquarePayment, SquareRecipient } from "./schemas";

/** The money part of an OrderEvent, built from a Square order or, failing that, from the payment alone. */
export type SquareAmounts = {
  items: OrderEventItem[];
  itemsAreFallback: boolean;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  shippingTotal: number;
  total: number;
  taxesIncluded: boolean;
  currency: string;
};

function line(name: string, amount: number): OrderEventItem {
  return { name, variant: null, sku: null, quantity: 1, unitPrice: amount, lineTotal: amount };
}

/**
 * A Square line item as an order line. `gross_sales_money` is quantity × price with modifiers, before
 * discounts and tax; `total_discount_money` every discount applied to the line, order-level ones
 * included. Orderbell stores whole quantities, so an item sold by weight ("1.5") becomes one line of its
 * full price with the quantity in its name.
 */
export function toOrderItem(item: SquareLineItem): OrderEventItem {
  const quantity = Number(item.quantity);
  const base = item.base_price_money?.amount ?? 0;
  const gross = item.gross_sales_money?.amount ?? item.variation_total_price_money?.amount ?? Math.round(base * quantity);
  const lineTotal = gross - (item.total_discount_money?.amount ?? 0);
  const name = item.name?.trim() || "Item";
  const variant = item.variation_name?.trim() || null;
  if (!Number.isInteger(quantity)) return { name: `${name} × ${item.quantity}`, variant, sku: null, quantity: 1, unitPrice: gross, lineTotal };
  // With modifiers the unit price is gross ÷ quantity; base_price_money alone would leave them out.
  const unitPrice = quantity > 0 && gross % quantity === 0 ? gross / quantity : base;
  return { name, variant, sku: null, quantity, unitPrice, lineTotal };
}

/**
 * Amounts from a retrieved order. Square has no shipping total: delivery is charged as a service charge,
 * so service charges count as shipping. A tip is in the order's total (the tenders that paid it include
 * it), so it becomes a "Tip" line when that is what makes the totals add up, as the Shopify adapter does.
 */
export function amountsFromOrder(order: SquareOrder, payment: SquarePayment): SquareAmounts {
  const taxes = order.taxes ?? [];
  const amounts = {
    discountTotal: order.total_discount_money?.amount ?? 0,
    taxTotal: order.total_tax_money?.amount ?? 0,
    shippingTotal: order.total_service_charge_money?.amount ?? 0,
    total: order.total_money?.amount ?? (payment.total_money ?? payment.amount_money).amount,
    taxesIncluded: taxes.length > 0 && taxes.every((tax) => tax.type === "INCLUSIVE"),
    currency: (order.total_money?.currency ?? payment.amount_money.currency).toUpperCase(),
  };
  const addedTax = amounts.taxesIncluded ? 0 : amounts.taxTotal;
  const lineItems = order.line_items ?? [];
  if (lineItems.length === 0) {
    const amount = amounts.total - amounts.shippingTotal - addedTax + amounts.discountTotal;
    return { ...amounts, items: [line("Order total", amount)], itemsAreFallback: true, subtotal: amount };
  }
  const items = lineItems.map(toOrderItem);
  const subtotal = items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  const tip = order.total_tip_money?.amount ?? payment.tip_money?.amount ?? 0;
  const gap = amounts.total - (subtotal + amounts.shippingTotal + addedTax - amounts.discountTotal);
  if (tip > 0 && Math.abs(gap - tip) < Math.abs(gap)) items.push(line("Tip", tip));
  return { ...amounts, items, itemsAreFallback: false, subtotal };
}

/** Without the order: one "Order total" line of the payment's amount, plus its tip, which is what was paid. */
export function amountsFromPayment(payment: SquarePayment): SquareAmounts {
  const amount = payment.amount_money.amount;
  const tip = payment.tip_money?.amount ?? 0;
  return {
    items: [line("Order total", amount), ...(tip > 0 ? [line("Tip", tip)] : [])],
    itemsAreFallback: true,
    subtotal: amount,
    discountTotal: 0,
    taxTotal: 0,
    shippingTotal: 0,
    total: amount + tip,
    taxesIncluded: false,
    currency: payment.amount_money.currency.toUpperCase(),
  };
}

/** The person the order goes to: a shipment's or delivery's recipient before a pickup's. */
function recipientOf(order: SquareOrder): { recipient: SquareRecipient | null; ships: boolean } {
  for (const fulfillment of order.fulfillments ?? []) {
    const recipient = fulfillment.shipment_details?.recipient ?? fulfillment.delivery_details?.recipient;
    if (recipient) return { recipient, ships: true };
  }
  for (const fulfillment of order.fulfillments ?? []) {
    if (fulfillment.pickup_details?.recipient) return { recipient: fulfillment.pickup_details.recipient, ships: false };
  }
  return { recipient: null, ships: false };
}

export function customerAndAddress(payment: SquarePayment, order: SquareOrder | null): { customer: OrderEventCustomer; shippingAddress: PostalAddress | null } {
  const { recipient, ships } = order ? recipientOf(order) : { recipient: null, ships: false };
  const name = recipient?.display_name?.trim() || addressName(payment.shipping_address);
  const phone = recipient?.phone_number?.trim() || null;
  // A pickup recipient's address is not where the order goes; fall back to the payment's shipping address.
  const shippingAddress = (ships ? toPostalAddress(recipient?.address, { name, phone }) : null) ?? toPostalAddress(payment.shipping_address, { name });
  return {
    customer: { name, email: recipient?.email_address?.trim() || payment.buyer_email_address?.trim() || null, phone },
    shippingAddress,
  };
}
