"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { NotificationStatusBadge } from "../orders/order-badges";
import { OrdersResults } from "../orders/orders-table";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError } from "../ui/field";
import { Table, Td, Th } from "../ui/table";

function Messages({ customerId }: { customerId: string }) {
  const trpc = useTRPC();
  const messages = useInfiniteQuery(trpc.customers.messages.infiniteQueryOptions({ customerId }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  if (messages.isError) return <FormError message={errorDetails(messages.error).message} />;
  const items = messages.data?.pages.flatMap((page) => page.items) ?? [];
  if (messages.data && !items.length) return <p className="p-4 text-sm text-gray-600">No message was sent to this customer yet.</p>;
  return (
    <>
      <Table label="Messages">
        <thead className="bg-gray-50">
          <tr>
            <Th>When</Th>
            <Th>Order</Th>
            <Th>Channel</Th>
            <Th>To</Th>
            <Th>Status</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {items.map((message) => (
            <tr key={message.id}>
              <Td className="whitespace-nowrap">
                <Time value={message.sentAt ?? message.createdAt} />
              </Td>
              <Td>
                <Link href={`/orders/${message.orderId}`} className="text-indigo-600 hover:text-indigo-500">
                  {message.orderNumber}
                </Link>
              </Td>
              <Td>
                {message.channelName}
                {message.origin !== "flow" ? <span className="text-xs text-gray-500"> ({message.origin})</span> : null}
              </Td>
              <Td>{message.recipient ?? "—"}</Td>
              <Td>
                <NotificationStatusBadge status={message.status} />
                {message.lastError ? <span className="block text-xs text-red-700">{message.lastError}</span> : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {messages.hasNextPage ? (
        <div className="border-t border-gray-200 p-3">
          <Button variant="secondary" size="sm" busy={messages.isFetchingNextPage} onClick={() => void messages.fetchNextPage()}>
            Show more messages
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** One customer: contact details, all their orders and all their messages. */
export function CustomerDetail({ customerId }: { customerId: string }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.customers.get.queryOptions({ id: customerId }));
  const [page, setPage] = useState<{ cursor?: string; direction: "next" | "prev" }>({ direction: "next" });
  if (customer.isError) return <FormError message={errorDetails(customer.error).message} />;
  const data = customer.data;
  const messengers = data
    ? ([["WhatsApp", data.whatsappId], ["Telegram", data.telegramId], ["LINE", data.lineId], ["Viber", data.viberId], ["Messenger", data.messengerId]] as const).filter(([, value]) => value)
    : [];
  return (
    <div className="space-y-6">
      <Card className="p-5">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:max-w-xl">
          <dt className="text-gray-500">Email</dt>
          <dd>{data?.email ?? "—"}</dd>
          <dt className="text-gray-500">Phone</dt>
          <dd>{data?.phone ?? "—"}</dd>
          {messengers.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-gray-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          <dt className="text-gray-500">Locale</dt>
          <dd>{data?.locale ?? "—"}</dd>
          <dt className="text-gray-500">Marketing</dt>
          <dd>{data?.marketingConsent ? "consented" : "no consent"}</dd>
          <dt className="text-gray-500">Customer since</dt>
          <dd>
            <Time value={data?.createdAt} />
          </dd>
        </dl>
      </Card>
      <Card>
        <h2 className="border-b border-gray-200 px-4 py-3 text-sm font-semibold">Orders</h2>
        <OrdersResults filters={{ customerId }} page={page} onPage={setPage} filtered />
      </Card>
      <Card>
        <h2 className="border-b border-gray-200 px-4 py-3 text-sm font-semibold">Messages</h2>
        <Messages customerId={customerId} />
      </Card>
    </div>
  );
}
