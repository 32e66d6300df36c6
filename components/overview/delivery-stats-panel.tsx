import Link from "next/link";
import type { DeliveryStats, OverviewRange } from "@/server/overview/delivery-stats";
import { formatDuration } from "../orders/confirmation-badge";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { ChannelDeliveryChart, LatencyChart, OrdersPerDayChart } from "./delivery-charts";

const rangeLabels: Record<OverviewRange, string> = { today: "Today", "7d": "7 days", "30d": "30 days" };

function StatCard({ label, value, detail, href, tone }: { label: string; value: string; detail?: string; href: string; tone?: "amber" | "red" }) {
  return (
    <Link href={href} className="block">
      <Card className={cn("p-5 hover:ring-indigo-300", tone === "amber" && "ring-amber-300", tone === "red" && "ring-red-300")}>
        <p className="text-sm text-gray-500">{label}</p>
        <p className="mt-1 text-2xl font-semibold text-gray-900">{value}</p>
        {detail ? <p className="mt-1 text-xs text-gray-500">{detail}</p> : null}
      </Card>
    </Link>
  );
}

/** How confirmations went in the chosen period; every card opens the orders list filtered the same way. */
export function DeliveryStatsPanel({ stats }: { stats: DeliveryStats }) {
  const period = `from=${stats.from}&to=${stats.to}`;
  const rate = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)} %`);
  return (
    <section className="space-y-4" aria-label="Confirmations">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold text-gray-900">Confirmations</h2>
          <p className="text-xs text-gray-500">
            {stats.from === stats.to ? stats.from : `${stats.from} to ${stats.to}`}, in the store&apos;s time zone · on a busy store, figures refresh every minute
          </p>
        </div>
        <nav aria-label="Period" className="flex gap-1">
          {(Object.keys(rangeLabels) as OverviewRange[]).map((range) => (
            <Link
              key={range}
              href={`/?range=${range}`}
              aria-current={stats.range === range ? "page" : undefined}
              className={cn("rounded-md px-3 py-1.5 text-sm font-medium", stats.range === range ? "bg-indigo-600 text-white" : "text-gray-700 ring-1 ring-gray-300 hover:bg-gray-50")}
            >
              {rangeLabels[range]}
            </Link>
          ))}
        </nav>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <StatCard label="Orders" value={stats.orders.toLocaleString()} detail={`${stats.held.toLocaleString()} held back`} href={`/orders?${period}`} />
        <StatCard label="Confirmations sent" value={stats.confirmationsSent.toLocaleString()} href={`/orders?confirmation=sent&${period}`} />
        <StatCard label="Payment → first send, p50" value={formatDuration(stats.latency.p50Seconds)} detail={`over ${stats.latency.measured.toLocaleString()} orders`} href={`/orders?${period}`} />
        <StatCard label="Payment → first send, p95" value={formatDuration(stats.latency.p95Seconds)} href={`/orders?${period}`} tone={stats.latency.p95Seconds !== null && stats.latency.p95Seconds > 60 ? "amber" : undefined} />
        <StatCard label="Failures" value={stats.failures.toLocaleString()} detail="messages that failed for good" href={`/orders?confirmation=failed&${period}`} tone={stats.failures ? "red" : undefined} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-5">
          <h3 className="mb-2 text-sm font-semibold">Orders per day</h3>
          <OrdersPerDayChart daily={stats.daily} />
        </Card>
        <Card className="p-5">
          <h3 className="mb-2 text-sm font-semibold">Payment to first send (seconds), per day</h3>
          <LatencyChart daily={stats.daily} />
        </Card>
      </div>
      <Card className="p-5">
        <h3 className="mb-2 text-sm font-semibold">Delivery per channel</h3>
        {stats.channels.length === 0 ? (
          <p className="text-sm text-gray-600">No message in this period.</p>
        ) : (
          <>
            <ChannelDeliveryChart channels={stats.channels} />
            <ul className="mt-3 divide-y divide-gray-100 text-sm">
              {stats.channels.map((channel) => (
                <li key={channel.channelId} className="flex flex-wrap justify-between gap-2 py-2">
                  <Link href={`/orders?channel=${channel.channelId}&${period}`} className="font-medium text-indigo-600 hover:text-indigo-500">
                    {channel.name}
                  </Link>
                  <span className="text-gray-600">
                    {rate(channel.deliveryRate)} accepted · {channel.delivered.toLocaleString()} delivered · {channel.sent.toLocaleString()} sent · {channel.failed.toLocaleString()} failed
                    {channel.pending ? ` · ${channel.pending.toLocaleString()} waiting` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </section>
  );
}
