import type { Metadata } from "next";
import { AttentionQueue } from "@/components/attention/attention-queue";
import { PageHeader } from "@/components/ui/card";
import { roleAllows } from "@/lib/roles";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Needs attention" };

export default async function NeedsAttentionPage() {
  const user = await requirePageUser("agent");
  return (
    <>
      <PageHeader title="Needs attention" description="Orders held back for a contact or their totals, and messages that failed for good, oldest first." />
      <AttentionQueue canApprove={roleAllows(user.role, "manager")} />
    </>
  );
}
