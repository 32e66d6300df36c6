import type { Metadata } from "next";
import Link from "next/link";
import { FlowsList } from "@/components/flows/flows-list";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Flows" };

export default async function FlowsPage() {
  await requirePageUser("manager");
  return (
    <>
      <PageHeader
        title="Flows"
        description="What is sent when: on which trigger, to which orders, through which channels in fallback order, after what delay."
        actions={
          <Link href="/flows/new" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-700">
            New flow
          </Link>
        }
      />
      <FlowsList />
    </>
  );
}
