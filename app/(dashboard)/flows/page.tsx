import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Flows" };

export default async function FlowsPage() {
  await requirePageUser("manager");
  return (
    <>
      <PageHeader title="Flows" description="What is sent when: on which trigger, to which orders, through which channels in fallback order, after what delay." />
      <EmptyState title="No flows yet">
        Flows are not built yet. When they are, a default “Customer order confirmation” flow appears here and you can
        create your own: trigger, conditions and ordered steps.
      </EmptyState>
    </>
  );
}
