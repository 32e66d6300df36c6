"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { FormError, SelectField } from "../ui/field";
import { ReasonField } from "./reason-field";
import { useActionFeedback } from "./use-action-feedback";

function Done({ text }: { text: string }) {
  return (
    <p role="status" className="text-sm text-green-700">
      {text}
    </p>
  );
}

/**
 * Opens a ticket through a Zendesk, Intercom or HubSpot channel, prefilled with the order and the note.
 * Without such a channel it says which one to add.
 */
export function OpenTicketForm({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const feedback = useActionFeedback();
  const channels = useQuery(trpc.orders.actionChannels.queryOptions());
  const [channelId, setChannelId] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState(false);
  const open = useMutation(trpc.orders.openTicket.mutationOptions({ onError: feedback.onError, onSuccess: async () => { await feedback.refresh(); setNote(""); setDone(true); } }));
  const tickets = channels.data?.tickets ?? [];
  if (channels.data && tickets.length === 0) {
    return <p className="text-sm text-gray-600">To open tickets from here, an admin adds a Zendesk, Intercom or HubSpot channel on the Channels page.</p>;
  }
  const chosen = tickets.find((channel) => channel.id === channelId) ?? tickets[0];
  return (
    <form
      className="space-y-3"
      aria-label="Open a support ticket"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        open.mutate({ orderId, reason: note, channelId: chosen?.id });
      }}
    >
      {tickets.length > 1 ? <SelectField label="Ticket channel" value={chosen?.id ?? ""} onChange={(event) => setChannelId(event.target.value)} options={tickets.map((channel) => ({ value: channel.id, label: channel.name }))} /> : null}
      <ReasonField label="Note for the ticket" placeholder="What the customer needs" value={note} onChange={setNote} error={feedback.fieldErrors.reason} />
      {chosen ? <p className="text-xs text-gray-500">Through {chosen.name}: {chosen.opens}. The note, order number, items, totals and customer are its first comment, which the provider may email to the customer.</p> : null}
      <FormError message={feedback.error} />
      {done ? <Done text="Ticket queued: its id appears on the timeline once the provider answers." /> : null}
      <Button type="submit" busy={open.isPending} disabled={!chosen}>
        Open ticket
      </Button>
    </form>
  );
}

export function CancelPendingForm({ orderId, pending }: { orderId: string; pending: number }) {
  const trpc = useTRPC();
  const feedback = useActionFeedback();
  const [reason, setReason] = useState("");
  const cancel = useMutation(trpc.orders.cancelPending.mutationOptions({ onError: feedback.onError, onSuccess: () => feedback.refresh() }));
  if (pending === 0) return <p className="text-sm text-gray-600">Nothing is waiting to go out.</p>;
  return (
    <form
      className="space-y-3"
      aria-label="Cancel pending messages"
      onSubmit={(event) => {
        event.preventDefault();
        cancel.mutate({ orderId, reason });
      }}
    >
      <p className="text-sm text-gray-600">{pending} message(s) wait to go out (due later or between retries).</p>
      <ReasonField value={reason} onChange={setReason} error={feedback.fieldErrors.reason} />
      <FormError message={feedback.error} />
      <Button type="submit" variant="danger" busy={cancel.isPending}>
        Cancel pending messages
      </Button>
    </form>
  );
}

/** Releasing an order whose totals did not add up: shows what will be sent, then asks to confirm. */
export function ReleaseTotalsForm({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const feedback = useActionFeedback();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const preview = useQuery({ ...trpc.orders.releasePreview.queryOptions({ id: orderId }), enabled: confirming });
  const approve = useMutation(trpc.orders.approveTotals.mutationOptions({ onError: feedback.onError, onSuccess: () => feedback.refresh() }));
  if (!confirming) {
    return (
      <Button size="sm" onClick={() => setConfirming(true)}>
        Approve totals and release…
      </Button>
    );
  }
  return (
    <form
      className="space-y-3 rounded-md bg-white p-3 ring-1 ring-amber-200"
      aria-label="Confirm the release"
      onSubmit={(event) => {
        event.preventDefault();
        approve.mutate({ id: orderId, reason });
      }}
    >
      <p className="font-medium text-gray-900">Releasing this order sends:</p>
      {!preview.data ? (
        <p className="text-gray-600">Working out what would be sent…</p>
      ) : preview.data.otherHolds.length ? (
        <p className="text-gray-700">Nothing yet: it is still held for {preview.data.otherHolds.join(", ").replace(/_/g, " ")}.</p>
      ) : preview.data.messages.length === 0 ? (
        <p className="text-gray-700">Nothing: no flow sends a message for this order.</p>
      ) : (
        <ul className="list-disc pl-5 text-gray-700">
          {preview.data.messages.map((message) => (
            <li key={`${message.flow}-${message.step}`}>
              {message.channel} ({message.kind}) to the {message.audience === "internal" ? "team" : "customer"} — {message.flow}, step {message.step}
              {message.delaySeconds ? `, after ${Math.round(message.delaySeconds / 60)} min` : ", at once"}
            </li>
          ))}
        </ul>
      )}
      <ReasonField value={reason} onChange={setReason} error={feedback.fieldErrors.reason} placeholder="Why the totals are right" />
      <FormError message={feedback.error} />
      <div className="flex gap-2">
        <Button type="submit" busy={approve.isPending}>
          Confirm and release
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          Not now
        </Button>
      </div>
    </form>
  );
}
