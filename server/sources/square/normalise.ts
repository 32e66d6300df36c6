import { formatMoney } from "@/lib/format";
import type { NormaliseResult, SourceApiContext } from "../source-adapter";
import { describeIssues } from "../payload-reason";
import { amountsFromOrder, amountsFromPayment, customerAndAddress } from "./order-mapping";
import { paymentObjectSchema, squareEventSchema, type SquareOrder, type SquarePayment } from "./schemas";
import type { SquareSecrets } from "./settings";
import { retrieveSquareOrder } from "./square-api";

export const SQUARE_EVENT_TYPES = ["payment.updated"] as const;

/** Square fires payment.updated on every change; only a captured payment confirms an order. */
const NOT_YET_CAPTURED = new Set(["APPROVED", "PENDING"]);
const FAILED = new Set(["CANCELED", "FAILED"]);

export async function normaliseSquareEvent(payload: unknown, secrets: SquareSecrets, api: SourceApiContext): Promise<NormaliseResult> {
  const envelope = squareEventSchema.safeParse(payload);
  if (!envelope.success) {
    return { kind: "invalid", reason: `Not a Square webhook event (expected {type, event_id, data.object}): ${describeIssues(envelope.error, "")}` };
  }
  const event = envelope.data;
  if (event.type !== "payment.updated") {
    return { kind: "ignored", reason: `Square event type ${event.type} is not one Orderbell acts on (${SQUARE_EVENT_TYPES.join(", ")}).` };
  }
  const parsed = paymentObjectSchema.safeParse(event.data.object);
  if (!parsed.success) {
    return { kind: "invalid", reason: `Square payment.updated does not hold a payment Orderbell can read: ${describeIssues(parsed.error, "data.object")}` };
  }
  const payment = parsed.data.payment;
  if (NOT_YET_CAPTURED.has(payment.status)) {
    return { kind: "ignored", reason: `Payment ${payment.id} is ${payment.status}, not captured yet: Square sends payment.updated again once it is COMPLETED.` };
  }
  if (FAILED.has(payment.status)) {
    return { kind: "ignored", reason: `Payment ${payment.id} was ${payment.status}: there is no paid order to confirm.` };
  }
  if (payment.status !== "COMPLETED") {
    return { kind: "ignored", reason: `Payment ${payment.id} has status ${payment.status}, which Orderbell does not act on.` };
  }
  if (payment.refunded_money && payment.refunded_money.amount > 0) {
    // A refund updates the COMPLETED payment again: this is not a new payment, and must not confirm anything twice.
    const refunded = formatMoney(payment.refunded_money.amount, payment.refunded_money.currency.toUpperCase());
    return { kind: "ignored", reason: `Payment ${payment.id} has ${refunded} refunded: this update is about a refund, not a new payment.` };
  }
  return orderFromPayment(payment, secrets, api);
}

async function orderFromPayment(payment: SquarePayment, secrets: SquareSecrets, api: SourceApiContext): Promise<NormaliseResult> {
  const { order, note } = await lookUpOrder(payment, secrets.accessToken, api);
  const { currency, ...amounts } = order ? amountsFromOrder(order, payment) : amountsFromPayment(payment);
  const fractional = order?.line_items?.filter((item) => !Number.isInteger(Number(item.quantity))).length ?? 0;
  const externalId = payment.order_id ?? payment.id;
  const { customer, shippingAddress } = customerAndAddress(payment, order);

  return {
    kind: "order",
    trigger: "order_paid",
    notes: [note, ...(fractional ? [`${fractional} line item(s) sold by fractional quantity are shown as one line each.`] : [])],
    event: {
      externalId,
      number: payment.receipt_number?.trim() || externalId,
      paymentStatus: "paid",
      currency,
      ...amounts,
      customer,
      shippingAddress,
      statusUrl: payment.receipt_url ?? null,
      locale: null,
      placedAt: toDate(order?.created_at ?? payment.created_at),
      paidAt: toDate(payment.updated_at),
    },
  };
}

async function lookUpOrder(payment: SquarePayment, accessToken: string | undefined, api: SourceApiContext): Promise<{ order: SquareOrder | null; note: string }> {
  if (!payment.order_id) return { order: null, note: "One “Order total” line: the payment has no order_id." };
  if (!accessToken) return { order: null, note: "One “Order total” line: Square sends no line items in webhooks and no Square access token is configured." };
  const fetched = await retrieveSquareOrder(payment.order_id, accessToken, api);
  if (!fetched.ok) return { order: null, note: `One “Order total” line: order ${payment.order_id} could not be fetched from Square (${fetched.reason}).` };
  const count = fetched.order.line_items?.length ?? 0;
  if (count === 0) return { order: fetched.order, note: `One “Order total” line: Square order ${payment.order_id} has no line items.` };
  return { order: fetched.order, note: `${count} line item(s) fetched from Square order ${payment.order_id}.` };
}

function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
