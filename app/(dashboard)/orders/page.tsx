import type { Metadata } from "next";
import { Suspense } from "react";
import { OrdersTable } from "@/components/orders/orders-table";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  await requirePageUser("agent");
  return (
    <>
      <PageHeader title="Orders" description="Every order Orderbell received, with what was sent for it, when, through which provider and with what result." />
      <Suspense fallback={<p className="text-sm text-gray-500">Loading orders…</p>}>
        <OrdersTable />
      </Suspense>
    </>
  );
}
