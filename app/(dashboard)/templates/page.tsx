import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  await requirePageUser("manager");
  return (
    <>
      <PageHeader title="Templates" description="The words of each confirmation: the branded email and the Liquid text for SMS, messengers and chat, per locale, with every save kept as a version." />
      <EmptyState title="No templates yet">
        Templates are not built yet. When they are, this page lists the order confirmation for each channel kind and
        locale, lets you edit and preview it with a sample or a real order, and publish a version.
      </EmptyState>
    </>
  );
}
