import type { Metadata } from "next";
import { TemplateEditor } from "@/components/templates/template-editor";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Edit template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("manager");
  const { id } = await params;
  return <TemplateEditor templateId={id} />;
}
