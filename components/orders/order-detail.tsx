"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Money, Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError } from "../ui/field";
import { Table, Td, Th } from "../ui/table";
import { NotificationStatusBadge, OrderFlagBadges, OrderStatusBadge, flagLabel } from "./order-badges";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-gray-500">{label}</dt>
      <dd className="text-gray-900">{children}</dd>
    </>
  );
}

export function OrderDetail({ orderId, canApprove }: { orderId: string; canApprove: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const details = useQuery(trpc.orders.get.queryOptions({ id: orderId }));
  const [error, setError] = useState<string | null>(null);
  const approve = useMutation(
    trpc.orders.approveTotals.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.orders.get.queryKey({ id: orderId }) }),
      onError: (failure) => setError(errorDetails(failure).message),
    }),
  );
  if (details.isError) return <FormError message={errorDetails(details.error).message} />;
  if (!details.data) return <p className="text-sm text-gray-500">Loading order…</p>;
  const { order, items, customer, notifications, events, source } = details.data;
  const currency = order.currency;
  const address = order.shippingAddress;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        <OrderStatusBadge status={order.status} />
        <OrderFlagBadges flags={order.flags} />
        <span className="text-sm text-gray-500">
          from {source.name} · received <Time value={order.createdAt} />
        </span>
      </div>
      {order.flags.length ? (
        <Card className="border-l-4 border-amber-400 p-4 text-sm">
          <p className="font-medium text-amber-900">Nothing is sent for this order while it is held back:</p>
          <ul className="mt-1 list-disc pl-5 text-amber-900">
            {order.flags.map((flag) => (
              <li key={flag}>{flagLabel[flag]}</li>
            ))}
          </ul>
          {order.flags.includes("totals_mismatch") && canApprove ? (
            <div className="mt-3 space-y-2">
              <Button size="sm" busy={approve.isPending} onClick={() => approve.mutate({ id: orderId })}>
                Approve totals and release
              </Button>
              <FormError message={error} />
            </div>
          ) : null}
        </Card>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Customer</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <Row label="Name">{customer?.name ?? "—"}</Row>
            <Row label="Email">{customer?.email ?? "—"}</Row>
            <Row label="Phone">{customer?.phone ?? "—"}</Row>
            <Row label="Locale">{order.locale ?? customer?.locale ?? "—"}</Row>
            <Row label="Marketing">{customer?.marketingConsent ? "consented" : "no consent"}</Row>
          </dl>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Delivery</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <Row label="Estimate">{order.deliveryEstimate ?? "—"}</Row>
            <Row label="Address">
              {address ? [address.name, address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(" "), address.region, address.country].filter(Boolean).join(", ") : "—"}
            </Row>
            <Row label="Status page">
              {order.statusUrl ? (
                <a className="text-indigo-600 hover:text-indigo-500" href={order.statusUrl} target="_blank" rel="noreferrer">
                  platform page
                </a>
              ) : (
                "—"
              )}
            </Row>
          </dl>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Payment</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <Row label="Paid">
              <Time value={order.paidAt} />
            </Row>
            <Row label="Platform id">
              <span className="font-mono text-xs break-all">{order.externalId}</span>
            </Row>
            <Row label="Currency">{currency}</Row>
          </dl>
        </Card>
      </div>
      <Card>
        <Table label="Items">
          <thead className="bg-gray-50">
            <tr>
              <Th>Item</Th>
              <Th>SKU</Th>
              <Th className="text-right">Qty</Th>
              <Th className="text-right">Unit price</Th>
              <Th className="text-right">Line total</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {items.map((item) => (
              <tr key={item.id}>
                <Td>
                  {item.name}
                  {item.variant ? <span className="block text-xs text-gray-500">{item.variant}</span> : null}
                </Td>
                <Td className="font-mono text-xs">{item.sku ?? "—"}</Td>
                <Td className="text-right">{item.quantity}</Td>
                <Td className="text-right"><Money minor={item.unitPrice} currency={currency} /></Td>
                <Td className="text-right"><Money minor={item.lineTotal} currency={currency} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 border-t border-gray-200 p-4 text-sm sm:ml-auto sm:w-80">
          <dt className="text-gray-500">Subtotal</dt>
          <dd className="text-right"><Money minor={order.subtotal} currency={currency} /></dd>
          <dt className="text-gray-500">Discounts</dt>
          <dd className="text-right">−<Money minor={order.discountTotal} currency={currency} /></dd>
          <dt className="text-gray-500">Shipping</dt>
          <dd className="text-right"><Money minor={order.shippingTotal} currency={currency} /></dd>
          <dt className="text-gray-500">Tax</dt>
          <dd className="text-right"><Money minor={order.taxTotal} currency={currency} /></dd>
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold"><Money minor={order.total} currency={currency} /></dd>
        </dl>
      </Card>
      <Card className="p-5">
        <h2 className="text-sm font-semibold">Messages</h2>
        {notifications.length === 0 ? (
          <p className="mt-2 text-sm text-gray-600">
            {order.flags.length ? "None yet: the order is held back (see above)." : "No flow sends anything for this order. Check the Flows page."}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-gray-100 text-sm">
            {notifications.map((notification) => (
              <li key={notification.id} className="py-3" data-testid="order-notification">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{notification.channelName}</span>
                  <NotificationStatusBadge status={notification.status} />
                  <span className="text-gray-500">{notification.recipient ?? "recipient chosen when sent"}</span>
                </div>
                <div className="mt-1 text-xs text-gray-500">
                  {notification.status === "pending" ? (
                    <>
                      due <Time value={notification.nextAttemptAt} /> ·{" "}
                    </>
                  ) : null}
                  {notification.attempts} attempt(s)
                  {notification.providerMessageId ? ` · provider id ${notification.providerMessageId}` : ""}
                  {notification.lastError ? ` · ${notification.lastError}` : ""}
                </div>
                {notification.subject ? <p className="mt-1 text-xs text-gray-700">Subject: {notification.subject}</p> : null}
                {notification.deliveryAttempts.length ? (
                  <ol className="mt-2 space-y-0.5 border-l-2 border-gray-200 pl-3 text-xs text-gray-600" aria-label="Delivery attempts">
                    {notification.deliveryAttempts.map((attempt) => (
                      <li key={attempt.id} data-testid="delivery-attempt">
                        #{attempt.number} <Time value={attempt.startedAt} /> · {attempt.outcome ?? "in flight"}
                        {attempt.httpStatus ? ` · HTTP ${attempt.httpStatus}` : ""}
                        {attempt.latencyMs !== null ? ` · ${attempt.latencyMs} ms` : ""}
                        {attempt.error ? ` · ${attempt.error}` : ""}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card className="p-5">
        <h2 className="text-sm font-semibold">Events from {source.name}</h2>
        <ul className="mt-3 divide-y divide-gray-100 text-sm">
          {events.map((event) => (
            <li key={event.id} className="flex flex-wrap justify-between gap-2 py-2">
              <Link href={`/inbound-events/${event.id}`} className="text-indigo-600 hover:text-indigo-500">
                {event.topic ?? "event"} · {event.outcome}
              </Link>
              <span className="text-gray-500">
                <Time value={event.receivedAt} />
              </span>
              {event.reason ? <p className="w-full text-xs text-gray-500">{event.reason}</p> : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
