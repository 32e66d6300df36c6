import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Settings" description="Your store as customers see it in confirmations and on receipts, and the defaults used when an order does not say." />
      <SettingsForm />
    </>
  );
}
