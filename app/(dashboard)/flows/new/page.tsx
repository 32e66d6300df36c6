import type { Metadata } from "next";
import { FlowEditor } from "@/components/flows/flow-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "New flow" };

export default async function NewFlowPage() {
  await requirePageUser("manager");
  return (
    <>
      <PageHeader title="New flow" />
      <FlowEditor />
    </>
  );
}
