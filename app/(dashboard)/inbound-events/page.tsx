import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Inbound events" };

export default async function InboundEventsPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Inbound events" description="Every request that reached a trigger URL: accepted, duplicate or rejected, and why." />
      <EmptyState title="No inbound events yet">
        Nothing has called a trigger URL yet: trigger URLs arrive with sources. Once they do, every request is listed
        here with its time, source, topic, outcome and reason, and a rejected one can be replayed.
      </EmptyState>
    </>
  );
}
