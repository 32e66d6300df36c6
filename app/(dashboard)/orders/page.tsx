import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  await requirePageUser("agent");
  return (
    <>
      <PageHeader title="Orders" description="Every paid order Orderbell received, with what was sent for it, when, through which provider and with what result." />
      <EmptyState title="No orders yet">
        Orders appear here once a source (Shopify, WooCommerce, Stripe, Square or a POS) sends a paid order to its
        trigger URL. Connecting sources arrives with order intake; until then there is nothing to list.
      </EmptyState>
    </>
  );
}
