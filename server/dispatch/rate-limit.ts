import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

/**
 * A fixed-window limit per channel, counted in the database so every dispatcher process shares it.
 * Rates below one per second use longer windows (0.2/s → one message per 5 s window).
 */
export function windowOf(ratePerSecond: number, now: Date): { start: Date; capacity: number; lengthMs: number } {
  const lengthMs = ratePerSecond >= 1 ? 1000 : Math.ceil(1000 / ratePerSecond);
  const capacity = ratePerSecond >= 1 ? Math.floor(ratePerSecond) : 1;
  return { start: new Date(Math.floor(now.getTime() / lengthMs) * lengthMs), capacity, lengthMs };
}

/** Takes one send slot for the channel now, or says when the next window opens. */
export async function takeSendSlot(db: Db, channelId: string, ratePerSecond: number, now = new Date()): Promise<{ ok: true } | { ok: false; retryAt: Date }> {
  const window = windowOf(ratePerSecond, now);
  const start = window.start.toISOString();
  const result = await db.execute(sql`
    insert into channel_send_windows (channel_id, window_start, used) values (${channelId}, ${start}::timestamptz, 1)
    on conflict (channel_id) do update set
      used = case when channel_send_windows.window_start < excluded.window_start then 1 else channel_send_windows.used + 1 end,
      window_start = greatest(channel_send_windows.window_start, excluded.window_start)
    returning used`);
  const used = Number(rowsOf<{ used: number }>(result)[0]?.used ?? 1);
  if (used <= window.capacity) return { ok: true };
  return { ok: false, retryAt: new Date(window.start.getTime() + window.lengthMs) };
}
