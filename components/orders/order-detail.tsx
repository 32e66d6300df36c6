"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Money, Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Card } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { FormError } from "../ui/field";
import { Table, Td, Th } from "../ui/table";
import { ConfirmationBadge, formatDuration, latencySeconds } from "./confirmation-badge";
import { ContactForm } from "./contact-form";
import { MessageDrawer } from "./message-drawer";
import { CancelPendingForm, OpenTicketForm, ReleaseTotalsForm } from "./order-actions";
import { OrderFlagBadges, OrderStatusBadge, flagLabel } from "./order-badges";
import { OrderTimeline } from "./order-timeline";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-gray-500">{label}</dt>
      <dd className="break-words text-gray-900">{children}</dd>
    </>
  );
}

function ActionCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="p-5">
      <h2 className="mb-3 text-sm font-semibold">{title}</h2>
      {children}
    </Card>
  );
}

/**
 * The order page: what the order is, what the customer got (one timeline, each message in a drawer with
 * exactly what was sent), and the support actions, each with its reason.
 */
export function OrderDetail({ orderId, canApprove }: { orderId: string; canApprove: boolean }) {
  const trpc = useTRPC();
  const details = useQuery({
    ...trpc.orders.get.queryOptions({ id: orderId }),
    // While a message is on its way, the timeline follows it.
    refetchInterval: (query) => (query.state.data?.notifications.some((n) => n.status === "pending" || n.status === "sending") ? 2_000 : false),
  });
  const [openMessageId, setOpenMessageId] = useState<string | null>(null);
  const [contactNotice, setContactNotice] = useState<string | null>(null);
  if (details.isError) return <FormError message={errorDetails(details.error).message} />;
  if (!details.data) return <p className="text-sm text-gray-500">Loading order…</p>;
  const { order, items, customer, contact, notifications, source } = details.data;
  const currency = order.currency;
  const address = order.shippingAddress;
  const pending = notifications.filter((notification) => notification.status === "pending").length;
  const open = notifications.find((notification) => notification.id === openMessageId) ?? null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        <OrderStatusBadge status={order.status} />
        <OrderFlagBadges flags={order.flags} />
        <ConfirmationBadge confirmation={order.confirmation} flags={order.flags} />
        <span className="text-sm text-gray-500">
          from {source.name} · received <Time value={order.createdAt} /> · payment to first send {formatDuration(latencySeconds(order.paidAt, order.firstSentAt))}
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
          {order.flags.includes("needs_contact") ? (
            <p className="mt-2 text-amber-900">What came in is on the timeline below; correct the contact details to release the order.</p>
          ) : null}
          {order.flags.includes("totals_mismatch") ? (
            <div className="mt-3">{canApprove ? <ReleaseTotalsForm orderId={orderId} /> : <p className="text-amber-900">A manager checks the totals and releases the order.</p>}</div>
          ) : null}
        </Card>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Customer</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <Row label="Name">
              {customer ? (
                <Link href={`/customers/${customer.id}`} className="text-indigo-600 hover:text-indigo-500">
                  {customer.name ?? "unnamed customer"}
                </Link>
              ) : (
                "—"
              )}
            </Row>
            <Row label="Email">{contact.email ?? "—"}</Row>
            <Row label="Phone">{contact.phone ?? "—"}</Row>
            {Object.entries(contact.messengerIds)
              .filter(([, value]) => value)
              .map(([name, value]) => (
                <Row key={name} label={name}>
                  {value}
                </Row>
              ))}
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
            <Row label="Receipt">
              <span className="flex flex-wrap items-center gap-2">
                <a className="text-indigo-600 hover:text-indigo-500" href={order.receiptUrl} target="_blank" rel="noreferrer">
                  open
                </a>
                <CopyButton value={order.receiptUrl} label="Copy the receipt link" />
              </span>
            </Row>
            <Row label="Receipt views">{order.receiptViews}</Row>
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
      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold">Timeline</h2>
          <OrderTimeline details={details.data} onOpenMessage={setOpenMessageId} />
          <h3 className="mt-6 mb-2 text-sm font-semibold">Messages</h3>
          {notifications.length === 0 ? (
            <p className="text-sm text-gray-600">{order.flags.length ? "None yet: the order is held back (see above)." : "No flow sends anything for this order. Check the Flows page."}</p>
          ) : (
            <ul className="divide-y divide-gray-100 text-sm">
              {notifications.map((notification) => (
                <li key={notification.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="order-notification">
                  <button type="button" className="font-medium text-indigo-600 hover:text-indigo-500" onClick={() => setOpenMessageId(notification.id)}>
                    {notification.origin === "ticket" ? "Ticket" : notification.origin === "resend" ? "Resend" : "Message"} via {notification.channelName}
                  </button>
                  <span className="rounded bg-gray-100 px-1.5 text-xs">{notification.status}</span>
                  <span className="text-gray-500">{notification.recipient ?? "recipient chosen when sent"}</span>
                  {notification.lastError ? <span className="w-full text-xs text-red-700">{notification.lastError}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-4">
          <ActionCard title="Correct contact details">
            {contactNotice ? (
              <p role="status" className="mb-3 text-sm text-green-700">
                {contactNotice}
              </p>
            ) : null}
            <ContactForm key={`${contact.email}-${contact.phone}`} orderId={orderId} current={contact} onDone={setContactNotice} />
          </ActionCard>
          <ActionCard title="Open a support ticket">
            <OpenTicketForm orderId={orderId} />
          </ActionCard>
          <ActionCard title="Pending messages">
            <CancelPendingForm orderId={orderId} pending={pending} />
          </ActionCard>
        </div>
      </div>
      <MessageDrawer message={open} canAct onClose={() => setOpenMessageId(null)} />
    </div>
  );
}
