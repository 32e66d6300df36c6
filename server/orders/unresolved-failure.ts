import { type SQL, sql } from "drizzle-orm";

/**
 * A message that failed for good and still needs someone: not dismissed, not followed by the next channel
 * of its step's fallback chain, and not resent. `alias` names the notifications row in the outer query.
 * The partial index notifications_failed_idx holds exactly the failed, undismissed rows.
 */
export function unresolvedFailure(alias: string): SQL {
  const n = sql.raw(alias);
  return sql`${n}.status = 'failed' and ${n}.dismissed_at is null
    and not exists (select 1 from notifications later where later.order_id = ${n}.order_id
      and later.flow_step_id is not distinct from ${n}.flow_step_id and later.origin = 'flow' and later.fallback_index > ${n}.fallback_index)
    and not exists (select 1 from notifications resent where resent.resend_of_id = ${n}.id)`;
}
