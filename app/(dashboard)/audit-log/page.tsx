import type { Metadata } from "next";
import { AuditLogTable } from "@/components/audit-log/audit-log-table";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Audit log" description="Who did what and when: sign-ins, user and role changes, settings, credentials. Newest first." />
      <AuditLogTable />
    </>
  );
}
