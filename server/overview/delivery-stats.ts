import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { channels } from "@/db/schema";
import { getStore } from "../settings/store-settings";

export const overviewRanges = ["today", "7d", "30d"] as const;
export type OverviewRange = (typeof overviewRanges)[number];
export const overviewRangeInput = z.object({ range: z.enum(overviewRanges).default("7d") });

const days: Record<OverviewRange, number> = { today: 1, "7d": 7, "30d": 30 };

/** A calendar day in the store's time zone, as YYYY-MM-DD. */
function localDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/**
 * How confirmations went over today, the last 7 or the last 30 days (calendar days in the store's time
 * zone, today included): orders per day, messages sent / delivered / failed per channel, and
 * payment-to-first-send latency (p50, p95) overall and per day. Each query reads one index range
 * (orders_created_at_idx, orders_paid_first_sent_idx, notifications_created_channel_idx).
 */
export async function getDeliveryStats(db: Db, range: OverviewRange, now = new Date()) {
  const store = await getStore(db);
  const tz = store.timezone;
  const firstDay = localDay(new Date(now.getTime() - (days[range] - 1) * 86_400_000), tz);
  const since = sql`(${firstDay}::date)::timestamp at time zone ${tz}`;
  // Each reads one index range, index-only: orders_created_at_idx, orders_held_created_idx,
  // orders_paid_first_sent_idx (per day and overall in one pass) and notifications_created_channel_idx.
  const [orderDays, heldDays, latencyRows, channelRows] = await Promise.all([
    db.execute(sql`select to_char(day, 'YYYY-MM-DD') as day, count(*)::int as orders
      from (select (created_at at time zone ${tz})::date as day from orders where created_at >= ${since}) d group by d.day`),
    db.execute(sql`select to_char(day, 'YYYY-MM-DD') as day, count(*)::int as held
      from (select (created_at at time zone ${tz})::date as day from orders where created_at >= ${since} and cardinality(flags) > 0) d group by d.day`),
    db.execute(sql`select to_char(day, 'YYYY-MM-DD') as day, count(*)::int as measured,
        percentile_cont(array[0.5, 0.95]) within group (order by seconds) as percentiles
      from (select (paid_at at time zone ${tz})::date as day, extract(epoch from first_sent_at - paid_at) as seconds
              from orders where paid_at >= ${since} and first_sent_at is not null) d
      group by grouping sets ((d.day), ())`),
    db.execute(sql`select channel_id, count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'delivered')::int as delivered,
        count(*) filter (where status = 'failed')::int as failed, count(*) filter (where status in ('pending', 'sending'))::int as pending
      from notifications where created_at >= ${since} group by channel_id`),
  ]);
  const perChannel = rowsOf<{ channel_id: string; sent: number; delivered: number; failed: number; pending: number }>(channelRows);
  const names = perChannel.length ? await db.select({ id: channels.id, name: channels.name, kind: channels.kind }).from(channels).where(inArray(channels.id, perChannel.map((row) => row.channel_id))) : [];
  const nameOf = new Map(names.map((row) => [row.id, row]));
  // One sort per group gives both percentiles; drivers return the array as numbers or as strings.
  const latencyAll = rowsOf<{ day: string | null; measured: number; percentiles: Array<number | string> | null }>(latencyRows).map((row) => ({
    day: row.day,
    measured: row.measured,
    p50: row.percentiles?.[0] ?? null,
    p95: row.percentiles?.[1] ?? null,
  }));
  const latency = latencyAll.find((row) => row.day === null);
  const seconds = (value: number | string | null | undefined) => (value === null || value === undefined ? null : Number(value));
  const byDay = new Map(rowsOf<{ day: string; orders: number }>(orderDays).map((row) => [row.day, row.orders]));
  const heldByDay = new Map(rowsOf<{ day: string; held: number }>(heldDays).map((row) => [row.day, row.held]));
  const latencyByDay = new Map(latencyAll.filter((row) => row.day !== null).map((row) => [row.day, row]));
  const daily = Array.from({ length: days[range] }, (_, index) => {
    const day = localDay(new Date(now.getTime() - (days[range] - 1 - index) * 86_400_000), tz);
    return { day, orders: byDay.get(day) ?? 0, held: heldByDay.get(day) ?? 0, p50: seconds(latencyByDay.get(day)?.p50), p95: seconds(latencyByDay.get(day)?.p95) };
  });
  const channelStats = perChannel
    .map((row) => {
      const settled = row.sent + row.delivered + row.failed;
      return {
        channelId: row.channel_id,
        name: nameOf.get(row.channel_id)?.name ?? "deleted channel",
        kind: nameOf.get(row.channel_id)?.kind ?? null,
        ...row,
        /** Accepted by the provider (sent or delivered) out of those that finished either way. */
        deliveryRate: settled ? (row.sent + row.delivered) / settled : null,
      };
    })
    .sort((a, b) => b.sent + b.delivered + b.failed - (a.sent + a.delivered + a.failed));
  return {
    range,
    from: firstDay,
    to: localDay(now, tz),
    orders: daily.reduce((sum, day) => sum + day.orders, 0),
    held: daily.reduce((sum, day) => sum + day.held, 0),
    confirmationsSent: channelStats.reduce((sum, row) => sum + row.sent + row.delivered, 0),
    failures: channelStats.reduce((sum, row) => sum + row.failed, 0),
    latency: { measured: latency?.measured ?? 0, p50Seconds: seconds(latency?.p50), p95Seconds: seconds(latency?.p95) },
    daily,
    channels: channelStats,
  };
}

export type DeliveryStats = Awaited<ReturnType<typeof getDeliveryStats>> & { computedAt: Date };

/** How long the Overview reuses a period's figures when computing them was costly. */
export const STATS_TTL_MS = 60_000;
/** Below this, figures are computed on every view: a small store sees its sample order counted at once. */
const COSTLY_MS = 100;
const recent = new Map<OverviewRange, DeliveryStats>();

/**
 * The Overview's figures. On a big store, where reading a month of orders takes a while, they are computed
 * at most once a minute per period in this process, so every agent opening the Overview does not re-read
 * the month; the page says they refresh every minute. A small store's are always fresh.
 */
export async function getRecentDeliveryStats(db: Db, range: OverviewRange, now = new Date()): Promise<DeliveryStats> {
  const cached = recent.get(range);
  if (cached && now.getTime() - cached.computedAt.getTime() < STATS_TTL_MS) return cached;
  const started = performance.now();
  const fresh = { ...(await getDeliveryStats(db, range, now)), computedAt: now };
  if (performance.now() - started >= COSTLY_MS) recent.set(range, fresh);
  else recent.delete(range);
  return fresh;
}
