"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { OrderFilters } from "@/lib/orders/order-filters";
import { Money, Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card, EmptyState } from "../ui/card";
import { FormError } from "../ui/field";
import { Table, Td, Th } from "../ui/table";
import { ConfirmationBadge, formatDuration, latencySeconds } from "./confirmation-badge";
import { OrderFlagBadges, OrderStatusBadge } from "./order-badges";
import { OrdersFilterBar } from "./orders-filter-bar";
import { useOrderFilters } from "./use-order-filters";

type Page = { cursor?: string; direction: "next" | "prev" };

/** The orders of a query, with keyset Previous / Next. Used by the Orders page and the customer page. */
export function OrdersResults({ filters, page, onPage, filtered }: { filters: OrderFilters; page: Page; onPage: (page: { cursor: string; direction: "next" | "prev" }) => void; filtered: boolean }) {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.orders.list.queryOptions({ ...filters, cursor: page.cursor, direction: page.direction, pageSize: 25 }), placeholderData: (previous) => previous });
  if (list.isError) return <p className="p-4 text-sm text-red-600">{errorDetails(list.error).message}</p>;
  if (!list.data) return <p className="p-4 text-sm text-gray-500" role="status">Loading orders…</p>;
  if (list.data.items.length === 0) {
    return filtered ? (
      <p className="p-6 text-center text-sm text-gray-600">No order matches. Try the order number, the customer&apos;s whole email or part of their name, or their phone number in any format.</p>
    ) : (
      <EmptyState title="No orders yet">
        Orders appear here as soon as a source sends a paid order to its trigger URL. An admin adds a source on the Sources page and pastes its
        trigger URL into the platform; a manager can send a sample order from the Overview.
      </EmptyState>
    );
  }
  const { items, total, totalCapped, nextCursor, prevCursor } = list.data;
  return (
    <>
      <Table label="Orders">
        <thead className="bg-gray-50">
          <tr>
            <Th>Order</Th>
            <Th>Customer</Th>
            <Th>Total</Th>
            <Th>Status</Th>
            <Th>Confirmation</Th>
            <Th>Payment → first send</Th>
            <Th>Source</Th>
            <Th>Received</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {items.map((order) => (
            <tr key={order.id} data-testid={`order-row-${order.number}`}>
              <Td>
                <Link href={`/orders/${order.id}`} className="font-medium text-indigo-600 hover:text-indigo-500">
                  {order.number}
                </Link>
              </Td>
              <Td>
                <div>{order.customerName ?? "—"}</div>
                <div className="text-xs text-gray-500">{order.customerEmail ?? order.customerPhone ?? "no contact"}</div>
              </Td>
              <Td className="whitespace-nowrap">
                <Money minor={order.total} currency={order.currency} />
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  <OrderStatusBadge status={order.status} />
                  <OrderFlagBadges flags={order.flags.filter((value) => value !== "awaiting_payment")} />
                </div>
              </Td>
              <Td>
                <ConfirmationBadge confirmation={order.confirmation} flags={order.flags} />
              </Td>
              <Td className="whitespace-nowrap">{formatDuration(latencySeconds(order.paidAt, order.firstSentAt))}</Td>
              <Td>{order.sourceName}</Td>
              <Td className="whitespace-nowrap">
                <Time value={order.createdAt} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <nav className="flex items-center justify-between border-t border-gray-200 px-4 py-3 text-sm text-gray-600" aria-label="Pagination">
        <p role="status">
          {totalCapped ? `More than ${total.toLocaleString()} orders` : `${total.toLocaleString()} ${total === 1 ? "order" : "orders"}`}
          {list.isFetching ? " · loading…" : ""}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" disabled={!prevCursor} onClick={() => prevCursor && onPage({ cursor: prevCursor, direction: "prev" })}>
            Previous
          </Button>
          <Button variant="secondary" size="sm" disabled={!nextCursor} onClick={() => nextCursor && onPage({ cursor: nextCursor, direction: "next" })}>
            Next
          </Button>
        </div>
      </nav>
    </>
  );
}

/** The Orders page: search and filters kept in the URL, keyset pages, and the CSV export of what is shown. */
export function OrdersTable() {
  const { filters, invalid, cursor, direction, setFilters, goTo, exportHref } = useOrderFilters();
  const filtered = Object.values(filters).some((value) => value !== undefined && value !== "");
  return (
    <Card>
      <OrdersFilterBar filters={filters} onChange={setFilters} />
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-200 px-4 py-2 text-sm">
        <FormError message={invalid ? `A filter in the address was ignored: ${invalid}` : null} />
        <div className="ml-auto flex gap-3">
          {filtered ? (
            <button type="button" className="font-medium text-gray-600 hover:text-gray-900" onClick={() => setFilters(Object.fromEntries(Object.keys(filters).map((key) => [key, undefined])))}>
              Clear filters
            </button>
          ) : null}
          <a href={exportHref} download className="font-medium text-indigo-600 hover:text-indigo-500">
            Download CSV
          </a>
        </div>
      </div>
      <OrdersResults filters={filters} page={{ cursor, direction }} onPage={goTo} filtered={filtered} />
    </Card>
  );
}
