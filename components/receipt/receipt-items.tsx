import { fillLabel } from "@/lib/i18n/order-labels";
import type { Receipt } from "@/server/receipts/get-receipt";

/** The items (name and variant, quantity, unit price, line total) and the totals under them. */
export function ReceiptItems({ order, labels }: { order: Receipt["order"]; labels: Receipt["labels"] }) {
  const { totals } = order;
  const rows: Array<[string, string | null]> = [
    [labels.subtotal, totals.subtotal],
    [labels.discounts, totals.discount],
    [labels.shipping, totals.shipping],
    [labels.tax, totals.tax],
  ];
  return (
    <table className="w-full text-sm" aria-label={labels.items}>
      <thead>
        <tr className="border-b border-gray-200 text-left text-xs font-semibold uppercase tracking-wide text-gray-500">
          <th scope="col" className="py-2 pr-3">
            {labels.item}
          </th>
          <th scope="col" className="px-3 py-2 text-right">
            {labels.quantity}
          </th>
          <th scope="col" className="px-3 py-2 text-right">
            {labels.price}
          </th>
          <th scope="col" className="py-2 pl-3 text-right">
            {labels.lineTotal}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {order.items.map((item, index) => (
          <tr key={index} className="break-inside-avoid">
            <td className="py-3 pr-3 align-top">
              <span className="font-medium text-gray-900">{item.name}</span>
              {item.variant ? <span className="block text-gray-500">{item.variant}</span> : null}
              {item.sku ? <span className="block text-xs text-gray-400">{fillLabel(labels.sku, { sku: item.sku })}</span> : null}
            </td>
            <td className="px-3 py-3 text-right align-top tabular-nums">{item.quantity}</td>
            <td className="px-3 py-3 text-right align-top whitespace-nowrap tabular-nums">{item.unitPrice}</td>
            <td className="py-3 pl-3 text-right align-top whitespace-nowrap tabular-nums">{item.lineTotal}</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t border-gray-200">
        {rows.map(([label, value]) =>
          value === null ? null : (
            <tr key={label}>
              <th scope="row" colSpan={3} className="pt-2 text-left font-normal text-gray-600">
                {label}
              </th>
              <td className="pt-2 text-right whitespace-nowrap tabular-nums text-gray-900">{value}</td>
            </tr>
          ),
        )}
        <tr>
          <th scope="row" colSpan={3} className="pt-3 text-left text-base font-semibold text-gray-900">
            {labels.total}
          </th>
          <td className="pt-3 text-right text-base font-semibold whitespace-nowrap tabular-nums text-gray-900">{totals.total}</td>
        </tr>
      </tfoot>
    </table>
  );
}
