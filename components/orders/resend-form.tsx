"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { FormError, SelectField } from "../ui/field";
import { ReasonField } from "./reason-field";
import { useActionFeedback } from "./use-action-feedback";

type Original = { id: string; channelId: string; channelKind: string; renderedAt: Date | null; origin: string };

/**
 * Resends a message: the stored content (to the customer's current details) or re-rendered with today's
 * live template, through its channel or another one. Stored content only fits a channel of the same kind.
 */
export function ResendForm({ message, onDone }: { message: Original; onDone?: (text: string) => void }) {
  const trpc = useTRPC();
  const feedback = useActionFeedback();
  const channels = useQuery(trpc.orders.actionChannels.queryOptions());
  const [channelId, setChannelId] = useState(message.channelId);
  const [content, setContent] = useState<"stored" | "rerender">(message.renderedAt ? "stored" : "rerender");
  const [reason, setReason] = useState("");
  const resend = useMutation(
    trpc.orders.resend.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        await feedback.refresh();
        setReason("");
        onDone?.("Resend queued: it appears on the timeline and goes out within seconds.");
      },
    }),
  );
  const options = channels.data?.resend ?? [];
  const chosen = options.find((channel) => channel.id === channelId);
  const storedFits = Boolean(message.renderedAt) && (!chosen || chosen.kind === message.channelKind);
  const rerender = content === "rerender" || !storedFits;
  return (
    <form
      className="space-y-3"
      aria-label="Resend this message"
      onSubmit={(event) => {
        event.preventDefault();
        resend.mutate({ notificationId: message.id, reason, channelId, rerender });
      }}
    >
      <SelectField
        label="Send through"
        value={channelId}
        onChange={(event) => setChannelId(event.target.value)}
        error={feedback.fieldErrors.channelId}
        options={options.length ? options.map((channel) => ({ value: channel.id, label: `${channel.name} (${channel.kind})` })) : [{ value: message.channelId, label: "This message's channel" }]}
      />
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium text-gray-900">Content</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name={`content-${message.id}`} checked={!rerender} disabled={!storedFits} onChange={() => setContent("stored")} />
          Exactly what was sent before{storedFits ? "" : message.renderedAt ? " (only through a channel of the same kind)" : " (never rendered)"}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={`content-${message.id}`} checked={rerender} onChange={() => setContent("rerender")} />
          Re-rendered with today&apos;s live template
        </label>
      </fieldset>
      <ReasonField value={reason} onChange={setReason} error={feedback.fieldErrors.reason} />
      <FormError message={feedback.error} />
      <Button type="submit" busy={resend.isPending}>
        Resend
      </Button>
    </form>
  );
}
