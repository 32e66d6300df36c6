import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";

/** Who acted: a signed-in user, or null for the system (start-up, the CLI, the dispatcher). */
export type Actor = { id: string; email: string } | null;

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Appends to the audit log. Call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(db: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
