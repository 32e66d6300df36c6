import { and, asc, eq, inArray, lt, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Notification, notifications } from "@/db/schema";

/**
 * Claims up to `limit` due notifications for this dispatcher: pending ones whose time has come, and ones
 * still "sending" whose lease ran out (their dispatcher died). FOR UPDATE SKIP LOCKED lets any number of
 * dispatchers claim at once without waiting on, or taking, each other's rows.
 */
export async function claimDueNotifications(db: Db, options: { limit: number; leaseMs: number; workerId: string; now?: Date }): Promise<Notification[]> {
  const now = options.now ?? new Date();
  const due = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      or(
        and(eq(notifications.status, "pending"), lte(notifications.nextAttemptAt, now)),
        and(eq(notifications.status, "sending"), lt(notifications.lockedUntil, now)),
      ),
    )
    .orderBy(asc(notifications.nextAttemptAt))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(notifications)
    .set({ status: "sending", lockedUntil: new Date(now.getTime() + options.leaseMs), lockedBy: options.workerId, updatedAt: now })
    .where(inArray(notifications.id, due))
    .returning();
}

/** Gives claimed rows back, untouched, e.g. when a worker stops before sending them. */
export async function releaseClaims(db: Db, ids: string[], workerId: string, nextAttemptAt?: Date): Promise<number> {
  if (!ids.length) return 0;
  const released = await db
    .update(notifications)
    .set({ status: "pending", lockedUntil: null, lockedBy: null, updatedAt: new Date(), ...(nextAttemptAt ? { nextAttemptAt } : {}) })
    .where(and(inArray(notifications.id, ids), eq(notifications.status, "sending"), eq(notifications.lockedBy, workerId)))
    .returning({ id: notifications.id });
  return released.length;
}
