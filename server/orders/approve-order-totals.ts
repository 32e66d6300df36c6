import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { type Customer, type Order, customers, orders } from "@/db/schema";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import { chooseSteps, planNotifications } from "../flows/plan-notifications";
import { getStore } from "../settings/store-settings";
import { type ContactDetails, contactDetailsOf } from "./contact-details";
import { staffReason } from "./resend-notification";

export const approveTotalsInput = z.object({ id: z.uuid(), reason: staffReason });

function contactOf(customer: Customer | undefined, order: Order, defaultCountry: string): ContactDetails {
  return contactDetailsOf(
    { email: customer?.email, phone: customer?.phone, messengerIds: { whatsapp: customer?.whatsappId ?? undefined, telegram: customer?.telegramId ?? undefined, line: customer?.lineId ?? undefined, viber: customer?.viberId ?? undefined, messenger: customer?.messengerId ?? undefined } },
    order.shippingAddress?.country ?? null,
    defaultCountry,
  );
}

async function customerOf(tx: DbOrTx, order: Order) {
  const [customer] = order.customerId ? await tx.select().from(customers).where(eq(customers.id, order.customerId)) : [];
  return customer;
}

/**
 * What approving an order's totals would send, before anyone confirms: each message its flows would plan,
 * with the channel and the delay. Empty when something else still holds the order back.
 */
export async function releasePreview(db: Db, orderId: string) {
  const store = await getStore(db);
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new DomainError("NOT_FOUND", "No such order.");
  const otherHolds = order.flags.filter((flag) => flag !== "totals_mismatch");
  if (otherHolds.length || order.status !== "paid" || order.plannedTriggers.includes("order_paid")) return { otherHolds, messages: [] };
  const contact = contactOf(await customerOf(db, order), order, store.defaultCountry);
  const steps = await chooseSteps(db, { order, trigger: "order_paid", contact, country: order.shippingAddress?.country ?? null });
  return {
    otherHolds,
    messages: steps.map(({ flow, step, channel }) => ({ flow: flow.name, step: step.position + 1, channel: channel.name, kind: channel.kind, audience: step.audience, delaySeconds: step.delaySeconds })),
  };
}

/**
 * A manager checked an order whose totals did not add up and confirms it: the flag is lifted for good,
 * and when nothing else holds the order back its confirmations are planned.
 */
export async function approveOrderTotals(db: Db, actor: Actor, input: z.input<typeof approveTotalsInput>) {
  const { id: orderId, reason } = approveTotalsInput.parse(input);
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
      const contact = contactOf(await customerOf(tx, order), order, store.defaultCountry);
      planned = await planNotifications(tx, { order: updated!, trigger: "order_paid", contact, country: order.shippingAddress?.country ?? null, now });
    }
    await recordAudit(tx, actor, { action: "order.totals_approved", targetType: "order", targetId: orderId, details: { number: order.number, planned, reason } });
    return { flags, planned };
  });
}
