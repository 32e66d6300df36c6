import type { Metadata } from "next";
import { TemplatesBrowser } from "@/components/templates/templates-browser";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  await requirePageUser("manager");
  return (
    <>
      <PageHeader
        title="Templates"
        description="The words of each confirmation, per channel kind and language: the branded email's subject, heading, message and footer, and the whole text of SMS, messengers, team chat and CRM / support notes, in Liquid. Open one to edit it with a live preview, publish a version or roll back."
      />
      <TemplatesBrowser />
    </>
  );
}
