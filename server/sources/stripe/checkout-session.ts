import type { OrderEventItem } from "@/server/orders/order-event";
import type { NormaliseResult, SourceApiContext } from "../source-adapter";
import { toPostalAddress } from "./address";
import { describeIssues } from "../payload-reason";
import { orderTotalLine, taxesIncludedIn, toOrderItem, type StripeTotals } from "./line-items";
import { checkoutSessionSchema, referenceId, type CheckoutSession, type StripeEvent } from "./schemas";
import type { StripeSecrets } from "./settings";
import { listCheckoutSessionLineItems } from "./stripe-api";
import { orderNumber, stripeLocale, unixToDate } from "./values";

/**
 * checkout.session.completed and checkout.session.async_payment_succeeded. A completed session with an
 * asynchronous payment method (bank debits, vouchers) is still `unpaid`: it becomes an order awaiting
 * payment, and async_payment_succeeded later confirms the same order (same external id).
 */
export async function normaliseCheckoutSession(event: StripeEvent, secrets: StripeSecrets, api: SourceApiContext): Promise<NormaliseResult> {
  const parsed = checkoutSessionSchema.safeParse(event.data.object);
  if (!parsed.success) {
    return { kind: "invalid", reason: `Stripe ${event.type} is not a Checkout Session Orderbell can read: ${describeIssues(parsed.error, "data.object")}` };
  }
  const session = parsed.data;
  if (session.mode === "setup") {
    return { kind: "ignored", reason: `Checkout Session ${session.id} is in setup mode: it saves a payment method and takes no payment.` };
  }
  if (session.amount_total === null || session.currency === null) {
    return { kind: "invalid", reason: `Checkout Session ${session.id} has no amount_total or currency, so there is no order total to confirm.` };
  }

  const paid = session.payment_status !== "unpaid";
  const totals = sessionTotals(session, session.amount_total);
  const { items, itemsAreFallback, note } = await resolveLineItems(session, totals, secrets.apiKey, api);
  // The PaymentIntent id, when there is one, is also what payment_intent.succeeded and charge.refunded carry.
  const externalId = referenceId(session.payment_intent) ?? session.id;
  const shipping = session.collected_information?.shipping_details ?? session.shipping_details ?? null;
  const customer = session.customer_details;
  const locale = stripeLocale(session.locale);

  return {
    kind: "order",
    trigger: paid ? "order_paid" : null,
    notes: [...(paid ? [] : [`Checkout Session ${session.id} is complete but its payment is still pending (payment_status: unpaid).`]), note],
    event: {
      externalId,
      number: orderNumber(session.metadata, session.client_reference_id, externalId),
      paymentStatus: paid ? "paid" : "pending",
      currency: session.currency.toUpperCase(),
      items,
      itemsAreFallback,
      subtotal: session.amount_subtotal ?? items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0),
      discountTotal: totals.discount,
      taxTotal: totals.tax,
      shippingTotal: totals.shipping,
      total: totals.total,
      taxesIncluded: totals.taxesIncluded,
      customer: {
        name: customer?.name ?? shipping?.name ?? null,
        email: customer?.email ?? session.customer_email ?? null,
        phone: customer?.phone ?? null,
        locale,
      },
      shippingAddress: toPostalAddress(shipping?.address, { name: shipping?.name }),
      statusUrl: null,
      locale,
      placedAt: unixToDate(session.created),
      // The event's creation is when Stripe learnt the payment succeeded.
      paidAt: paid ? unixToDate(event.created) : null,
    },
  };
}

function sessionTotals(session: CheckoutSession, total: number): StripeTotals {
  const details = session.total_details;
  const amounts = { total, shipping: details?.amount_shipping ?? 0, tax: details?.amount_tax ?? 0, discount: details?.amount_discount ?? 0 };
  return { ...amounts, taxesIncluded: taxesIncludedIn({ ...amounts, subtotal: session.amount_subtotal ?? total }) };
}

type ResolvedItems = { items: OrderEventItem[]; itemsAreFallback: boolean; note: string };

/**
 * Webhooks never include line items unless the payload was expanded (replays, the CLI): use them when
 * complete, else fetch them with the API key, else fall back to one "Order total" line and say why.
 */
async function resolveLineItems(session: CheckoutSession, totals: StripeTotals, apiKey: string | undefined, api: SourceApiContext): Promise<ResolvedItems> {
  const fallback = (why: string): ResolvedItems => ({ items: [orderTotalLine(totals)], itemsAreFallback: true, note: `One “Order total” line: ${why}.` });
  const embedded = session.line_items;
  if (embedded && !embedded.has_more && embedded.data.length > 0) {
    return { items: embedded.data.map(toOrderItem), itemsAreFallback: false, note: `${embedded.data.length} line item(s) read from the event payload.` };
  }
  if (!apiKey) {
    return fallback(
      embedded?.has_more ? "the payload holds only some of the line items and no Stripe API key is configured" : "Stripe sends no line items in webhooks and no Stripe API key is configured",
    );
  }
  const fetched = await listCheckoutSessionLineItems(session.id, apiKey, api);
  if (!fetched.ok) return fallback(`line items could not be fetched from Stripe (${fetched.reason})`);
  if (fetched.items.length === 0) return fallback("Stripe returned no line items for this session");
  return { items: fetched.items.map(toOrderItem), itemsAreFallback: false, note: `${fetched.items.length} line item(s) fetched from Stripe.` };
}
