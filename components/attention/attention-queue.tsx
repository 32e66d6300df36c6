"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { AttentionItem } from "@/server/orders/attention-queue";
import { ContactForm } from "../orders/contact-form";
import { flagLabel } from "../orders/order-badges";
import { ReasonField } from "../orders/reason-field";
import { ResendForm } from "../orders/resend-form";
import { useActionFeedback } from "../orders/use-action-feedback";
import { Money, Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Badge, Card, EmptyState } from "../ui/card";
import { FormError } from "../ui/field";

function DismissForm({ item }: { item: AttentionItem }) {
  const trpc = useTRPC();
  const feedback = useActionFeedback();
  const [reason, setReason] = useState("");
  const dismiss = useMutation(trpc.orders.dismissAttention.mutationOptions({ onError: feedback.onError, onSuccess: () => feedback.refresh() }));
  return (
    <form
      className="space-y-2"
      aria-label="Dismiss"
      onSubmit={(event) => {
        event.preventDefault();
        dismiss.mutate(item.kind === "hold" ? { orderId: item.order.id, reason } : { notificationId: item.message!.id, reason });
      }}
    >
      <ReasonField value={reason} onChange={setReason} error={feedback.fieldErrors.reason} placeholder="Why nothing more is needed" />
      <FormError message={feedback.error} />
      <Button type="submit" variant="secondary" busy={dismiss.isPending}>
        Dismiss
      </Button>
    </form>
  );
}

type Action = "fix" | "resend" | "dismiss" | null;

function Item({ item, canApprove }: { item: AttentionItem; canApprove: boolean }) {
  const [action, setAction] = useState<Action>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { order } = item;
  const toggle = (next: Action) => setAction((current) => (current === next ? null : next));
  const done = (text: string) => {
    setNotice(text);
    setAction(null);
  };
  return (
    <li className="space-y-2 py-4" data-testid={`attention-${order.number}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={`/orders/${order.id}`} className="font-medium text-indigo-600 hover:text-indigo-500">
          Order {order.number}
        </Link>
        {item.kind === "hold"
          ? item.heldFor.map((flag) => (
              <Badge key={flag} tone="amber">
                {flagLabel[flag]}
              </Badge>
            ))
          : <Badge tone="red">Message failed</Badge>}
        <span className="text-gray-600">{order.customerName ?? order.customerEmail ?? order.customerPhone ?? "no customer details"}</span>
        <span className="text-gray-500">
          <Money minor={order.total} currency={order.currency} /> · waiting since <Time value={item.since} />
        </span>
      </div>
      {item.kind === "hold" && item.intakeNote ? <p className="text-sm text-gray-700">What came in: {item.intakeNote}</p> : null}
      {item.message ? (
        <p className="text-sm text-gray-700">
          {item.message.channelName} to {item.message.recipient ?? "—"} after {item.message.attempts} attempt(s): <span className="text-red-700">{item.message.lastError ?? "failed"}</span>
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-green-700">
          {notice}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {item.kind === "failed" || item.heldFor.includes("needs_contact") ? (
          <Button size="sm" variant="secondary" aria-expanded={action === "fix"} onClick={() => toggle("fix")}>
            Fix contact
          </Button>
        ) : null}
        {item.kind === "hold" && item.heldFor.includes("totals_mismatch") ? (
          canApprove ? (
            <Link href={`/orders/${order.id}`} className="rounded-md px-2.5 py-1.5 text-xs font-medium ring-1 ring-gray-300 hover:bg-gray-50">
              Review totals and approve
            </Link>
          ) : (
            <span className="text-xs text-gray-500">A manager approves the totals.</span>
          )
        ) : null}
        {item.kind === "failed" ? (
          <Button size="sm" variant="secondary" aria-expanded={action === "resend"} onClick={() => toggle("resend")}>
            Resend
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" aria-expanded={action === "dismiss"} onClick={() => toggle("dismiss")}>
          Dismiss…
        </Button>
      </div>
      {action === "fix" ? (
        <div className="rounded-md bg-gray-50 p-4">
          <ContactForm orderId={order.id} current={{ email: order.customerEmail, phone: order.customerPhone, messengerIds: {} }} onDone={done} />
        </div>
      ) : null}
      {action === "resend" && item.message ? (
        <div className="rounded-md bg-gray-50 p-4">
          <ResendForm message={item.message} onDone={done} />
        </div>
      ) : null}
      {action === "dismiss" ? (
        <div className="rounded-md bg-gray-50 p-4">
          <DismissForm item={item} />
        </div>
      ) : null}
    </li>
  );
}

/** Orders held for contact or totals and messages failed for good, oldest first, each resolvable here. */
export function AttentionQueue({ canApprove, limit }: { canApprove: boolean; limit?: number }) {
  const trpc = useTRPC();
  const queue = useInfiniteQuery(
    trpc.orders.attention.infiniteQueryOptions({ pageSize: limit ?? 25 }, { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: 30_000 }),
  );
  if (queue.isError) return <FormError message={errorDetails(queue.error).message} />;
  if (!queue.data) return <p className="text-sm text-gray-500">Loading the queue…</p>;
  const items = queue.data.pages.flatMap((page) => page.items);
  if (!items.length) {
    return (
      <EmptyState title="Nothing needs attention">
        Orders held back for a missing contact or for totals that do not add up, and messages that failed for good, appear here oldest first. When one
        does, fix it from here: correct the contact, resend, approve, or dismiss it with a reason.
      </EmptyState>
    );
  }
  return (
    <Card className="px-5">
      <ul className="divide-y divide-gray-100">
        {items.map((item) => (
          <Item key={item.id} item={item} canApprove={canApprove} />
        ))}
      </ul>
      {limit ? (
        <p className="border-t border-gray-100 py-3 text-sm">
          <Link href="/needs-attention" className="font-medium text-indigo-600 hover:text-indigo-500">
            Open the whole queue
          </Link>
        </p>
      ) : queue.hasNextPage ? (
        <div className="border-t border-gray-100 py-3">
          <Button variant="secondary" size="sm" busy={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
            Show more
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
