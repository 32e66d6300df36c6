import { fillLabel } from "@/lib/i18n/order-labels";
import type { Receipt } from "@/server/receipts/get-receipt";

/** Payment status, said plainly; a cancelled or refunded order gets a banner no one can miss. */
export function ReceiptStatus({ order, labels }: { order: Receipt["order"]; labels: Receipt["labels"] }) {
  switch (order.status) {
    case "paid":
      return (
        <p className="inline-flex items-center gap-2 rounded-md bg-green-50 px-3 py-1.5 text-sm font-medium text-green-800 ring-1 ring-inset ring-green-200">
          {order.paidAt ? fillLabel(labels.paidOn, { date: order.paidAt }) : labels.paid}
        </p>
      );
    case "awaiting_payment":
      return (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 ring-1 ring-inset ring-amber-200">
          {labels.awaitingPayment}
        </p>
      );
    case "cancelled":
      return (
        <p role="status" className="rounded-md border-l-4 border-red-600 bg-red-50 px-4 py-3 text-base font-semibold text-red-800">
          {labels.cancelled}
        </p>
      );
    case "refunded":
      return (
        <p role="status" className="rounded-md border-l-4 border-red-600 bg-red-50 px-4 py-3 text-base font-semibold text-red-800">
          {labels.refunded}
        </p>
      );
  }
}
