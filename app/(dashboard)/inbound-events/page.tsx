import type { Metadata } from "next";
import { InboundEventsTable } from "@/components/inbound-events/inbound-events-table";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Inbound events" };

export default async function InboundEventsPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Inbound events" description="Every request that reached a trigger URL: accepted, duplicate or rejected, and why." />
      <InboundEventsTable />
    </>
  );
}
