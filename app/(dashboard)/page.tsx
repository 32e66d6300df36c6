import type { Metadata } from "next";
import { OverviewPanel } from "@/components/overview/overview-panel";
import { PageHeader } from "@/components/ui/card";
import { roleAllows } from "@/lib/roles";
import { requirePageUser } from "@/server/auth/page-guard";
import { getDb } from "@/server/database";
import { getOverview } from "@/server/overview/get-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requirePageUser();
  const overview = await getOverview(await getDb());
  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${user.email}. Here is how ${overview.storeName} is set up.`} />
      <OverviewPanel overview={overview} isAdmin={user.role === "admin"} canSendSample={roleAllows(user.role, "manager")} />
    </>
  );
}
