import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { notifications, orders } from "@/db/schema";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import { staffReason } from "./resend-notification";

export const cancelPendingInput = z.object({
  orderId: z.uuid(),
  /** Only these messages; every pending message of the order when left out. */
  notificationIds: z.array(z.uuid()).max(100).optional(),
  reason: staffReason,
});

/**
 * Cancels messages still waiting to go out (pending: due later or between retries). A message a dispatcher
 * is sending right now has left the queue and is not touched.
 */
export async function cancelPendingMessages(db: Db, actor: NonNullable<Actor>, input: z.input<typeof cancelPendingInput>) {
  const { orderId, notificationIds, reason } = cancelPendingInput.parse(input);
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id, number: orders.number }).from(orders).where(eq(orders.id, orderId));
    if (!order) throw new DomainError("NOT_FOUND", "No such order.");
    const cancelled = await tx
      .update(notifications)
      .set({ status: "cancelled", lastError: `cancelled by ${actor.email}: ${reason}`, updatedAt: new Date() })
      .where(and(eq(notifications.orderId, orderId), eq(notifications.status, "pending"), ...(notificationIds ? [inArray(notifications.id, notificationIds)] : [])))
      .returning({ id: notifications.id });
    if (!cancelled.length) throw new DomainError("PRECONDITION_FAILED", "Nothing is waiting to go out for this order.");
    await recordAudit(tx, actor, {
      action: "order.messages_cancelled",
      targetType: "order",
      targetId: orderId,
      details: { number: order.number, notificationIds: cancelled.map((row) => row.id), reason },
    });
    return { cancelled: cancelled.length };
  });
}
