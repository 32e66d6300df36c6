import type { Metadata } from "next";
import { TemplatePreviewCard } from "@/components/templates/template-preview-card";
import { TemplatesTable } from "@/components/templates/templates-table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";
import { getDb } from "@/server/database";
import { env } from "@/server/env";
import { listTemplates } from "@/server/templates/list-templates";
import { previewTemplate } from "@/server/templates/preview-template";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  await requirePageUser("manager");
  const db = await getDb();
  const templates = await listTemplates(db);
  const previews = await Promise.all(templates.map((template) => previewTemplate(db, template.id, env().APP_URL)));
  return (
    <>
      <PageHeader
        title="Templates"
        description="The words of each confirmation: the subject and opening text of the branded email, and the Liquid text for SMS, messengers and chat, per locale."
      />
      <p className="mb-6 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200">
        Editing templates comes later. For now this page shows each template&apos;s live version and what it renders to for a
        sample order (#1001, two items, in your store&apos;s currency), exactly as it will be sent.
      </p>
      {templates.length === 0 ? (
        <EmptyState title="No templates">
          A new install creates an email and an SMS order confirmation at its first start. Without a template, messages
          use the built-in default wording.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <TemplatesTable templates={templates} />
          {templates.map((template, index) => (
            <TemplatePreviewCard key={template.id} template={template} preview={previews[index]!} />
          ))}
        </div>
      )}
    </>
  );
}
