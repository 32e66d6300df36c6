"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Badge, Card, EmptyState } from "../ui/card";
import { Pagination } from "../ui/pagination";
import { SendSampleOrderButton } from "./send-sample-order-button";

type Message = { id: string; kind: string; recipient: string; subject: string | null; text: string; html: string | null; createdAt: Date; channelName: string; orderId: string | null; orderNumber: string | null };

/** An email as the customer's mail client would show it: the HTML isolated in a sandboxed frame. */
function EmailView({ message }: { message: Message }) {
  return (
    <div className="overflow-hidden rounded-md ring-1 ring-gray-200">
      <div className="border-b border-gray-200 bg-gray-50 px-4 py-2 text-sm">
        <p>
          <span className="text-gray-500">To:</span> {message.recipient}
        </p>
        <p className="font-medium" data-testid="sandbox-subject">
          {message.subject}
        </p>
      </div>
      {message.html ? (
        <iframe title={`Email: ${message.subject ?? ""}`} sandbox="" srcDoc={message.html} className="h-[28rem] w-full bg-white" />
      ) : (
        <pre className="p-4 text-sm whitespace-pre-wrap">{message.text}</pre>
      )}
    </div>
  );
}

/** A text message as a phone shows it. */
function PhoneView({ message }: { message: Message }) {
  return (
    <div className="mx-auto w-72 rounded-[2rem] bg-gray-900 p-3 shadow-lg">
      <div className="rounded-[1.5rem] bg-gray-100 px-3 py-4">
        <p className="mb-3 text-center text-xs text-gray-500">{message.recipient}</p>
        <div className="max-w-[85%] rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm whitespace-pre-wrap text-gray-900 shadow-sm" data-testid="sandbox-sms">
          {message.text}
        </div>
      </div>
    </div>
  );
}

export function SandboxInbox({ canSendSample }: { canSendSample: boolean }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const list = useQuery({ ...trpc.sandbox.list.queryOptions({ page, pageSize: 10 }), refetchInterval: 3_000 });
  if (list.isError) return <p className="text-sm text-red-600">{errorDetails(list.error).message}</p>;
  if (!list.data) return <p className="text-sm text-gray-500">Loading the sandbox…</p>;
  if (list.data.total === 0) {
    return (
      <EmptyState title="The sandbox inbox is empty" action={canSendSample ? <SendSampleOrderButton /> : undefined}>
        Messages sent through the sandbox channels land here instead of reaching anyone: the email rendered as the customer would
        see it, the SMS as a phone shows it. Send a sample order to see a confirmation arrive within seconds.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      {canSendSample ? <SendSampleOrderButton /> : null}
      {list.data.items.map((message) => (
        <Card key={message.id} className="p-4">
          <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
            <Badge tone="indigo">{message.kind}</Badge>
            <span className="font-medium">{message.channelName}</span>
            {message.orderId ? (
              <Link href={`/orders/${message.orderId}`} className="text-indigo-600 hover:text-indigo-500">
                Order {message.orderNumber}
              </Link>
            ) : null}
            <span className="text-gray-500">
              <Time value={message.createdAt} />
            </span>
          </div>
          {message.kind === "email" ? <EmailView message={message} /> : <PhoneView message={message} />}
        </Card>
      ))}
      <Card>
        <Pagination page={list.data.page} pageCount={list.data.pageCount} total={list.data.total} onPage={setPage} noun="messages" />
      </Card>
    </div>
  );
}
