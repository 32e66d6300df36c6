import type { Metadata } from "next";
import { SourcesManager } from "@/components/sources/sources-manager";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Sources" description="Where paid orders come from. Each source has its own signed trigger URL to paste into the platform." />
      <SourcesManager />
    </>
  );
}
