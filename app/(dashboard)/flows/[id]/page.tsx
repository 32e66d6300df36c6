import type { Metadata } from "next";
import { FlowEditor } from "@/components/flows/flow-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Edit flow" };

export default async function EditFlowPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("manager");
  const { id } = await params;
  return (
    <>
      <PageHeader title="Edit flow" />
      <FlowEditor flowId={id} />
    </>
  );
}
