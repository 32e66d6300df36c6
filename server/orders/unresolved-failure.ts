import { type SQL, sql } from "drizzle-orm";

/**
 * A message that failed for good and still needs someone: not dismissed, and not superseded by the next
 * channel of its step's fallback chain or by a resend (superseded_at, set by a trigger on insert).
 * `alias` names the notifications row in the outer query. It is exactly the predicate of the partial
 * index notifications_failed_idx, which therefore holds only these rows.
 */
export function unresolvedFailure(alias: string): SQL {
  const n = sql.raw(alias);
  return sql`${n}.status = 'failed' and ${n}.dismissed_at is null and ${n}.superseded_at is null`;
}
