import { fillLabel } from "@/lib/i18n/order-labels";
import type { Receipt } from "@/server/receipts/get-receipt";
import { PrintButton } from "./print-button";
import { ReceiptItems } from "./receipt-items";
import { ReceiptStatus } from "./receipt-status";

function brandColorOf(color: string): string {
  return /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "#4f46e5";
}

/** The customer's receipt: printable, in the order's locale, with the store's branding. */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const { store, order, contact, labels } = receipt;
  const color = brandColorOf(store.brandColor);
  const logo = store.logoUrl && /^https?:\/\//.test(store.logoUrl) ? store.logoUrl : null;
  const active = order.status === "paid" || order.status === "awaiting_payment";
  const sentTo = [contact.email, contact.phone].filter(Boolean).join(" · ");
  return (
    <main lang={receipt.locale} className="mx-auto max-w-2xl px-4 py-8 print:max-w-none print:p-0">
      <article className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-gray-200 print:rounded-none print:shadow-none print:ring-0">
        <header className="px-6 py-5 [print-color-adjust:exact]" style={{ backgroundColor: color }}>
          {logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- the store's own logo, on any host; next/image would need each host configured
            <img src={logo} alt={store.name} className="h-10 w-auto" referrerPolicy="no-referrer" />
          ) : (
            <p className="text-xl font-semibold text-white">{store.name}</p>
          )}
        </header>

        <div className="space-y-6 px-6 py-6">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{fillLabel(labels.receiptTitle, { number: order.number })}</h1>
              {order.placedAt ? <p className="mt-1 text-sm text-gray-600">{fillLabel(labels.placed, { date: order.placedAt })}</p> : null}
            </div>
            <PrintButton label={labels.print} />
          </div>

          <ReceiptStatus order={order} labels={labels} />

          <ReceiptItems order={order} labels={labels} />

          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            {active && order.deliveryEstimate ? (
              <div>
                <dt className="text-gray-500">{labels.estimatedDelivery}</dt>
                <dd className="font-medium text-gray-900">{order.deliveryEstimate}</dd>
              </div>
            ) : null}
            {sentTo ? (
              <div>
                <dt className="text-gray-500">{labels.confirmationSentTo}</dt>
                <dd className="font-medium text-gray-900">{sentTo}</dd>
              </div>
            ) : null}
            {order.statusUrl ? (
              <div className="print:hidden">
                <dt className="text-gray-500">{labels.orderStatus}</dt>
                <dd>
                  <a href={order.statusUrl} rel="noreferrer" className="font-medium hover:underline" style={{ color }}>
                    {labels.trackOrder}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </div>

        <footer className="border-t border-gray-200 px-6 py-5 text-sm text-gray-600">
          {store.supportEmail || store.supportPhone ? (
            <p>
              {`${labels.questions} `}
              {store.supportEmail ? (
                <a href={`mailto:${store.supportEmail}?subject=${encodeURIComponent(`Order ${order.number}`)}`} className="font-medium hover:underline" style={{ color }}>
                  {store.supportEmail}
                </a>
              ) : null}
              {store.supportEmail && store.supportPhone ? " · " : null}
              {store.supportPhone ? (
                <a href={`tel:${store.supportPhone.replace(/[^+\d]/g, "")}`} className="font-medium hover:underline" style={{ color }}>
                  {store.supportPhone}
                </a>
              ) : null}
            </p>
          ) : null}
          <p className="mt-2 font-medium text-gray-900">{store.name}</p>
        </footer>
      </article>
    </main>
  );
}
