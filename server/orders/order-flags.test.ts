import { describe, expect, it } from "vitest";
import { flagsFor, totalsAddUp, totalsDifference } from "./order-flags";

const items = [
  { name: "A", quantity: 1, unitPrice: 12900, lineTotal: 12900 },
  { name: "B", quantity: 2, unitPrice: 1450, lineTotal: 2900 },
];

describe("order totals", () => {
  it("adds items, shipping and tax, less discounts", () => {
    const check = { items, shippingTotal: 499, taxTotal: 1138, discountTotal: 1580, total: 15857 };
    expect(totalsDifference(check)).toBe(0);
    expect(totalsAddUp(check)).toBe(true);
  });

  it("allows a minor unit of rounding per line, not more", () => {
    expect(totalsAddUp({ items, shippingTotal: 0, taxTotal: 0, discountTotal: 0, total: 15802 })).toBe(true);
    expect(totalsAddUp({ items, shippingTotal: 0, taxTotal: 0, discountTotal: 0, total: 15803 })).toBe(false);
  });

  it("does not add tax that is already in the prices", () => {
    expect(totalsAddUp({ items, shippingTotal: 0, taxTotal: 2000, discountTotal: 0, total: 15800, taxesIncluded: true })).toBe(true);
    expect(totalsAddUp({ items, shippingTotal: 0, taxTotal: 2000, discountTotal: 0, total: 15800 })).toBe(false);
  });
});

describe("order flags", () => {
  it("holds back what is unpaid, unreachable or does not add up", () => {
    expect(flagsFor({ status: "paid", hasContact: true, totalsAddUp: true, totalsApproved: false })).toEqual([]);
    expect(flagsFor({ status: "awaiting_payment", hasContact: false, totalsAddUp: false, totalsApproved: false })).toEqual(["awaiting_payment", "needs_contact", "totals_mismatch"]);
    expect(flagsFor({ status: "paid", hasContact: true, totalsAddUp: false, totalsApproved: true })).toEqual([]);
  });
});
