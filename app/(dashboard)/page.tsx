import type { Metadata } from "next";
import { AttentionQueue } from "@/components/attention/attention-queue";
import { DeliveryStatsPanel } from "@/components/overview/delivery-stats-panel";
import { OverviewPanel } from "@/components/overview/overview-panel";
import { PageHeader } from "@/components/ui/card";
import { roleAllows } from "@/lib/roles";
import { requirePageUser } from "@/server/auth/page-guard";
import { getDb } from "@/server/database";
import { getRecentDeliveryStats, overviewRangeInput } from "@/server/overview/delivery-stats";
import { getOverview } from "@/server/overview/get-overview";

export const metadata: Metadata = { title: "Overview" };

/** Per role: an agent sees their queue first; managers and admins see how confirmations are going first. */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const user = await requirePageUser();
  const db = await getDb();
  const { range } = overviewRangeInput.catch({ range: "7d" }).parse(await searchParams);
  const [overview, stats] = await Promise.all([getOverview(db), getRecentDeliveryStats(db, range)]);
  const manager = roleAllows(user.role, "manager");
  const queue = (
    <section className="space-y-3" aria-label="Needs attention">
      <h2 className="text-base font-semibold text-gray-900">Needs attention</h2>
      <AttentionQueue canApprove={manager} limit={5} />
    </section>
  );
  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${user.email}. How confirmations are going at ${overview.storeName}.`} />
      <div className="space-y-8">
        {manager ? null : queue}
        <DeliveryStatsPanel stats={stats} />
        {manager ? queue : null}
        <OverviewPanel overview={overview} isAdmin={user.role === "admin"} canSendSample={manager} />
      </div>
    </>
  );
}
