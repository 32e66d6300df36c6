"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { orderFlags, orderStatuses } from "@/lib/order-states";
import { Money, Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Card, EmptyState } from "../ui/card";
import { SelectField, TextField } from "../ui/field";
import { Pagination } from "../ui/pagination";
import { Table, Td, Th } from "../ui/table";
import { OrderFlagBadges, OrderStatusBadge, flagLabel } from "./order-badges";

export function OrdersTable() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [flag, setFlag] = useState("");
  const [page, setPage] = useState(1);
  const deferredSearch = useDeferredValue(search);
  const list = useQuery(
    trpc.orders.list.queryOptions({
      search: deferredSearch || undefined,
      status: (status || undefined) as (typeof orderStatuses)[number] | undefined,
      flag: flag && flag !== "attention" ? (flag as (typeof orderFlags)[number]) : undefined,
      needsAttention: flag === "attention" || undefined,
      page,
      pageSize: 25,
    }),
  );
  const filtered = Boolean(deferredSearch || status || flag);
  const reset = () => setPage(1);

  if (list.data && list.data.total === 0 && !filtered) {
    return (
      <EmptyState title="No orders yet">
        Orders appear here as soon as a source sends a paid order to its trigger URL. Add a source on the Sources page
        (admins), paste its trigger URL into your platform, and place a test order.
      </EmptyState>
    );
  }
  return (
    <Card>
      <div className="grid gap-3 border-b border-gray-200 p-4 sm:grid-cols-3">
        <TextField label="Search orders" type="search" placeholder="Number, email, phone or name" value={search} onChange={(event) => { setSearch(event.target.value); reset(); }} />
        <SelectField label="Status" value={status} onChange={(event) => { setStatus(event.target.value); reset(); }} options={[{ value: "", label: "Any status" }, ...orderStatuses.map((value) => ({ value, label: value.replace("_", " ") }))]} />
        <SelectField label="Needs attention" value={flag} onChange={(event) => { setFlag(event.target.value); reset(); }} options={[{ value: "", label: "All orders" }, { value: "attention", label: "A message failed" }, ...orderFlags.map((value) => ({ value, label: flagLabel[value] }))]} />
      </div>
      {list.isError ? (
        <p className="p-4 text-sm text-red-600">{errorDetails(list.error).message}</p>
      ) : list.data?.items.length === 0 ? (
        <p className="p-6 text-center text-sm text-gray-600">No order matches. Try part of the number, the customer&apos;s email or the last digits of their phone.</p>
      ) : (
        <Table label="Orders">
          <thead className="bg-gray-50">
            <tr>
              <Th>Order</Th>
              <Th>Customer</Th>
              <Th>Total</Th>
              <Th>Status</Th>
              <Th>Source</Th>
              <Th>Received</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {list.data?.items.map((order) => (
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
                <Td>{order.sourceName}</Td>
                <Td className="whitespace-nowrap">
                  <Time value={order.createdAt} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {list.data ? <Pagination page={list.data.page} pageCount={list.data.pageCount} total={list.data.total} onPage={setPage} noun="orders" /> : <p className="p-4 text-sm text-gray-500">Loading orders…</p>}
    </Card>
  );
}
