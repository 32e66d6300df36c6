import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerDetail } from "@/components/customers/customer-detail";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";
import { getCustomer } from "@/server/customers/get-customer";
import { getDb } from "@/server/database";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("agent");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const customer = await getCustomer(await getDb(), id).catch(() => null);
  if (!customer) notFound();
  return (
    <>
      <PageHeader title={customer.name ?? customer.email ?? "Customer"} description="Every order and every message of this customer." />
      <CustomerDetail customerId={customer.id} />
    </>
  );
}
