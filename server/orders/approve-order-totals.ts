import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, orders } from "@/db/schema";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import { planNotifications } from "../flows/plan-notifications";
import { getStore } from "../settings/store-settings";
import { contactDetailsOf } from "./contact-details";

/**
 * A manager checked an order whose totals did not add up and confirms it: the flag is lifted for good,
 * and when nothing else holds the order back its confirmations are planned.
 */
export async function approveOrderTotals(db: Db, actor: Actor, orderId: string) {
  const store = await getStore(db);
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) throw new DomainError("NOT_FOUND", "No such order.");
    if (!order.flags.includes("totals_mismatch")) throw new DomainError("PRECONDITION_FAILED", "This order's totals are not flagged.");
    const flags = order.flags.filter((flag) => flag !== "totals_mismatch");
    const now = new Date();
    const [updated] = await tx.update(orders).set({ flags, totalsApprovedAt: now, updatedAt: now }).where(eq(orders.id, orderId)).returning();
    let planned = 0;
    if (flags.length === 0 && updated!.status === "paid") {
      const [customer] = order.customerId ? await tx.select().from(customers).where(eq(customers.id, order.customerId)) : [];
      const country = order.shippingAddress?.country ?? null;
      const contact = contactDetailsOf(
        { email: customer?.email, phone: customer?.phone, messengerIds: { whatsapp: customer?.whatsappId ?? undefined, telegram: customer?.telegramId ?? undefined, line: customer?.lineId ?? undefined, viber: customer?.viberId ?? undefined, messenger: customer?.messengerId ?? undefined } },
        country,
        store.defaultCountry,
      );
      planned = await planNotifications(tx, { order: updated!, trigger: "order_paid", contact, country, now });
    }
    await recordAudit(tx, actor, { action: "order.totals_approved", targetType: "order", targetId: orderId, details: { number: order.number, planned } });
    return { flags, planned };
  });
}
