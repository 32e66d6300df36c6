import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Sources" description="Where paid orders come from. Each source has its own signed trigger URL to paste into the platform." />
      <EmptyState title="No sources yet">
        Sources are not built yet. When they are, you connect Shopify, WooCommerce, Stripe, Square or any POS here and
        get a trigger URL with step-by-step set-up for that platform.
      </EmptyState>
    </>
  );
}
