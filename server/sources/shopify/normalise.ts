import { formatMoney } from "@/lib/format";
import { toMinorUnits } from "../../money/minor-units";
import type { OrderTrigger, PaymentStatus } from "../../orders/order-event";
import { idToString } from "../parse-json";
import type { NormaliseResult } from "../source-adapter";
import { shopifyOrderEvent, shopifyOrderId, shopifyPaidAt } from "./normalise-order";
import { payloadErrorMap, payloadReason } from "../payload-reason";
import { shopifyOrderSchema, shopifyRefundSchema } from "./shopify-schema";

/** The topics Orderbell subscribes to; any other is answered, recorded and ignored. */
export const shopifyTopics = ["orders/paid", "orders/create", "orders/cancelled", "refunds/create"] as const;

/** Turns one Shopify webhook payload (parsed with parseJsonLossless) into what Orderbell acts on. */
export function normaliseShopify(payload: unknown, topic: string | null): NormaliseResult {
  switch (topic?.trim().toLowerCase()) {
    case "orders/paid":
      return normaliseOrder(payload, "orders/paid");
    case "orders/create":
      return normaliseOrder(payload, "orders/create");
    case "orders/cancelled":
      return normaliseOrder(payload, "orders/cancelled");
    case "refunds/create":
      return normaliseRefund(payload);
    case undefined:
    case "":
      return { kind: "ignored", reason: "The request has no X-Shopify-Topic header, so there is no telling what it is about." };
    default:
      return { kind: "ignored", reason: `Shopify topic "${topic}" is not one Orderbell acts on (it uses ${shopifyTopics.join(", ")}).` };
  }
}

function normaliseOrder(payload: unknown, topic: "orders/paid" | "orders/create" | "orders/cancelled"): NormaliseResult {
  const parsed = shopifyOrderSchema.safeParse(payload, { error: payloadErrorMap });
  if (!parsed.success) return { kind: "invalid", reason: payloadReason(parsed.error) };
  const order = parsed.data;
  const externalId = shopifyOrderId(order);
  if (!externalId) return { kind: "invalid", reason: "id is missing (and there is no admin_graphql_api_id to read it from)" };

  let trigger: OrderTrigger | null;
  let paymentStatus: PaymentStatus;
  let paidAt: Date | null = null;
  if (topic === "orders/cancelled") {
    trigger = "order_cancelled";
    paymentStatus = "cancelled";
  } else if (topic === "orders/paid" || order.financial_status === "paid") {
    trigger = "order_paid";
    paymentStatus = "paid";
    paidAt = shopifyPaidAt(order, topic);
  } else {
    // orders/create for an order not paid yet (pending, authorized, partially_paid…): stored, awaiting
    // payment, nothing sent. Its orders/paid follows when the money is in.
    trigger = null;
    paymentStatus = "pending";
  }
  return { kind: "order", trigger, event: shopifyOrderEvent(order, externalId, paymentStatus, paidAt) };
}

/** refunds/create carries a Refund, not the order: applied to the order already stored under order_id. */
function normaliseRefund(payload: unknown): NormaliseResult {
  const parsed = shopifyRefundSchema.safeParse(payload, { error: payloadErrorMap });
  if (!parsed.success) return { kind: "invalid", reason: payloadReason(parsed.error) };
  const refund = parsed.data;
  const orderId = idToString(refund.order_id);
  if (!orderId) return { kind: "invalid", reason: "order_id is missing" };
  const notes: string[] = [];
  const refundId = idToString(refund.id);
  const refunded = (refund.transactions ?? []).filter((transaction) => transaction.kind === "refund" && transaction.status === "success");
  const currency = refunded[0]?.currency;
  if (currency && /^[A-Za-z]{3}$/.test(currency)) {
    const minor = refunded.reduce((sum, transaction) => sum + (toMinorUnits(transaction.amount, currency) ?? 0), 0);
    notes.push(`Shopify refund ${refundId ?? "(no id)"}: ${formatMoney(minor, currency.toUpperCase())} returned`);
  } else {
    // A refund can restock or record a return without moving money; the order is still marked refunded.
    notes.push(`Shopify refund ${refundId ?? "(no id)"}: no successful refund transaction in the payload`);
  }
  return { kind: "status_change", externalId: orderId, trigger: "order_refunded", notes };
}
