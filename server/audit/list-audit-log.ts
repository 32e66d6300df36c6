import { and, count, desc, eq, ilike, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { escapeLike } from "@/db/escape-like";
import { offsetOf, pageOf } from "@/lib/pagination";

export const listAuditLogInput = z.object({
  /** Matches the actor's email, or "system" for entries without a user. */
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export async function listAuditLog(db: Db, input: z.input<typeof listAuditLogInput>) {
  const { actor, action, page, pageSize } = listAuditLogInput.parse(input);
  const filters: SQL[] = [];
  if (actor) {
    filters.push(actor.toLowerCase() === "system" ? isNull(auditLog.actorId) : ilike(auditLog.actorEmail, `%${escapeLike(actor)}%`));
  }
  if (action) filters.push(eq(auditLog.action, action));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [totals]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(pageSize).offset(offsetOf(page, pageSize)),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return pageOf(rows, totals?.total ?? 0, page, pageSize);
}

/** The distinct actions, for the filter's drop-down. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((row) => row.action);
}
