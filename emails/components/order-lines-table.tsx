import type { CSSProperties } from "react";
import type { OrderLabels } from "@/lib/i18n/order-labels";

/** One item, amounts already formatted in the order's currency and locale. */
export type OrderLine = { name: string; variant: string | null; quantity: number; unitPrice: string; lineTotal: string };

/** Formatted totals; a null row is left out (no discount, free shipping, no tax). */
export type OrderTotals = { subtotal: string; discount: string | null; shipping: string | null; tax: string | null; total: string };

const cell: CSSProperties = { borderBottom: "1px solid #e5e7eb", color: "#374151", fontSize: "14px", lineHeight: "20px", padding: "10px 0", verticalAlign: "top" };
const head: CSSProperties = { ...cell, color: "#6b7280", fontSize: "12px", fontWeight: 600, letterSpacing: "0.05em", textTransform: "uppercase" };
const number: CSSProperties = { textAlign: "right", whiteSpace: "nowrap", paddingLeft: "12px" };
const totalCell: CSSProperties = { color: "#374151", fontSize: "14px", lineHeight: "20px", padding: "4px 0" };

export type OrderLinesLabels = Pick<OrderLabels, "item" | "quantity" | "price" | "lineTotal" | "subtotal" | "discounts" | "shipping" | "tax" | "total">;

/** The items (model/name and variant, quantity, unit price, line total) and the totals under them. */
export function OrderLinesTable({ items, totals, labels }: { items: OrderLine[]; totals: OrderTotals; labels: OrderLinesLabels }) {
  const rows: Array<[string, string | null]> = [
    [labels.subtotal, totals.subtotal],
    [labels.discounts, totals.discount],
    [labels.shipping, totals.shipping],
    [labels.tax, totals.tax],
  ];
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: "collapse", marginTop: "8px", width: "100%" }}>
      <thead>
        <tr>
          <th align="left" style={head}>
            {labels.item}
          </th>
          <th align="right" style={{ ...head, ...number }}>
            {labels.quantity}
          </th>
          <th align="right" style={{ ...head, ...number }}>
            {labels.price}
          </th>
          <th align="right" style={{ ...head, ...number }}>
            {labels.lineTotal}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={index}>
            <td style={cell}>
              <span style={{ color: "#111827", fontWeight: 600 }}>{item.name}</span>
              {item.variant ? <span style={{ color: "#6b7280", display: "block", fontSize: "13px" }}>{item.variant}</span> : null}
            </td>
            <td style={{ ...cell, ...number }}>{String(item.quantity)}</td>
            <td style={{ ...cell, ...number }}>{item.unitPrice}</td>
            <td style={{ ...cell, ...number }}>{item.lineTotal}</td>
          </tr>
        ))}
        {rows.map(([label, value], index) =>
          value === null ? null : (
            <tr key={index}>
              <td colSpan={3} style={{ ...totalCell, paddingTop: index === 0 ? "12px" : "4px" }}>
                {label}
              </td>
              <td style={{ ...totalCell, ...number, paddingTop: index === 0 ? "12px" : "4px" }}>{value}</td>
            </tr>
          ),
        )}
        <tr>
          <td colSpan={3} style={{ ...totalCell, color: "#111827", fontSize: "16px", fontWeight: 700, paddingTop: "8px" }}>
            {labels.total}
          </td>
          <td style={{ ...totalCell, ...number, color: "#111827", fontSize: "16px", fontWeight: 700, paddingTop: "8px" }}>{totals.total}</td>
        </tr>
      </tbody>
    </table>
  );
}
