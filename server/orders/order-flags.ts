import type { OrderFlag, OrderStatus } from "@/db/schema";
import type { OrderEventItem } from "./order-event";

export type TotalsCheck = {
  items: OrderEventItem[];
  shippingTotal: number;
  taxTotal: number;
  discountTotal: number;
  total: number;
  taxesIncluded?: boolean;
};

/** Σ(unit × qty) + shipping + tax (unless already in the prices) − discounts, against the stated total. */
export function totalsDifference(check: TotalsCheck): number {
  const items = check.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  const expected = items + check.shippingTotal + (check.taxesIncluded ? 0 : check.taxTotal) - check.discountTotal;
  return check.total - expected;
}

/** Rounding allowance: a minor unit per line, since platforms round each line's tax and discount. */
export function totalsAddUp(check: TotalsCheck): boolean {
  return Math.abs(totalsDifference(check)) <= Math.max(1, check.items.length);
}

export function flagsFor(input: { status: OrderStatus; hasContact: boolean; totalsAddUp: boolean; totalsApproved: boolean }): OrderFlag[] {
  const flags: OrderFlag[] = [];
  if (input.status === "awaiting_payment") flags.push("awaiting_payment");
  if (!input.hasContact) flags.push("needs_contact");
  if (!input.totalsAddUp && !input.totalsApproved) flags.push("totals_mismatch");
  return flags;
}

export const flagDescriptions: Record<OrderFlag, string> = {
  awaiting_payment: "payment not confirmed yet",
  needs_contact: "no valid email, phone or messenger id",
  totals_mismatch: "items + shipping + tax − discounts do not add up to the total",
};
