import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/orders/order-detail";
import { PageHeader } from "@/components/ui/card";
import { roleAllows } from "@/lib/roles";
import { requirePageUser } from "@/server/auth/page-guard";
import { getDb } from "@/server/database";
import { findOrderId } from "@/server/orders/get-order";
import { getOrder } from "@/server/orders/get-order";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("agent");
  const { id } = await params;
  const db = await getDb();
  const orderId = await findOrderId(db, decodeURIComponent(id));
  if (!orderId) notFound();
  const { order } = await getOrder(db, orderId);
  return (
    <>
      <PageHeader title={`Order ${order.number}`} />
      <OrderDetail orderId={orderId} canApprove={roleAllows(user.role, "manager")} />
    </>
  );
}
