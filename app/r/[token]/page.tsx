import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ReceiptView } from "@/components/receipt/receipt-view";
import { fillLabel } from "@/lib/i18n/order-labels";
import { getDb } from "@/server/database";
import { getReceipt } from "@/server/receipts/get-receipt";

/** The customer's receipt: no login, the unguessable token is the key. Never cached, never indexed. */
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** One lookup, and so one counted view, per request: the metadata and the page share it. */
const loadReceipt = cache(async (token: string) => getReceipt(await getDb(), token));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const receipt = await loadReceipt((await params).token);
  return {
    title: { absolute: receipt ? `${fillLabel(receipt.labels.receiptTitle, { number: receipt.order.number })} · ${receipt.store.name}` : "Receipt not found" },
    robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
    // The token is in the URL: keep it out of Referer headers sent to the logo host and linked sites.
    referrer: "no-referrer",
  };
}

export default async function ReceiptPage({ params }: Props) {
  const receipt = await loadReceipt((await params).token);
  if (!receipt) notFound();
  return <ReceiptView receipt={receipt} />;
}
