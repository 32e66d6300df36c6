import type { Metadata } from "next";
import { SandboxInbox } from "@/components/sandbox/sandbox-inbox";
import { PageHeader } from "@/components/ui/card";
import { roleAllows } from "@/lib/roles";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Sandbox inbox" };

export default async function SandboxPage() {
  const user = await requirePageUser("agent");
  return (
    <>
      <PageHeader title="Sandbox inbox" description="What the sandbox channels sent, as the customer would see it. Nothing here left Orderbell." />
      <SandboxInbox canSendSample={roleAllows(user.role, "manager")} />
    </>
  );
}
