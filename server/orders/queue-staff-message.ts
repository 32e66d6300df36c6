import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Notification, notifications } from "@/db/schema";
import { type Actor, type AuditEntry, recordAudit } from "../audit/record-audit";
import { dispatchChannel } from "../flows/plan-notifications";

type StaffMessage = Omit<typeof notifications.$inferInsert, "idempotencyKey" | "origin" | "nextAttemptAt"> & { origin: "resend" | "ticket" };

/**
 * Queues a message staff asked for (a resend, a ticket) for the normal dispatcher: its own idempotency key,
 * due now, recorded in the audit log in the same transaction, and the dispatchers woken when it commits.
 */
export async function queueStaffMessage(db: Db, actor: NonNullable<Actor>, message: StaffMessage, audit: AuditEntry): Promise<Notification> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(notifications)
      .values({ ...message, idempotencyKey: `${message.orderId}:${message.origin}:${randomUUID()}`, nextAttemptAt: new Date() })
      .returning();
    await recordAudit(tx, actor, { ...audit, details: { ...audit.details, notificationId: created!.id } });
    await tx.execute(sql`select pg_notify(${dispatchChannel}, '')`);
    return created!;
  });
}
