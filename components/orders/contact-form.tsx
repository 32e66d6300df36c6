"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { FormError, TextField } from "../ui/field";
import { ReasonField } from "./reason-field";
import { useActionFeedback } from "./use-action-feedback";

export type ContactValues = { email: string | null; phone: string | null; messengerIds: Record<string, string | null> };

const messengers = [
  ["whatsapp", "WhatsApp number or id"],
  ["telegram", "Telegram chat id"],
  ["line", "LINE user id"],
  ["viber", "Viber user id"],
  ["messenger", "Messenger id"],
] as const;

/**
 * Corrects the customer's email, phone (any format; stored as E.164) and messenger ids. Only what changed
 * is sent; an emptied field removes the detail. On an order held for contact this releases it.
 */
export function ContactForm({ orderId, current, onDone }: { orderId: string; current: ContactValues; onDone?: (message: string) => void }) {
  const trpc = useTRPC();
  const feedback = useActionFeedback();
  const [email, setEmail] = useState(current.email ?? "");
  const [phone, setPhone] = useState(current.phone ?? "");
  const [ids, setIds] = useState<Record<string, string>>(Object.fromEntries(messengers.map(([key]) => [key, current.messengerIds[key] ?? ""])));
  const [reason, setReason] = useState("");
  const update = useMutation(
    trpc.orders.updateContact.mutationOptions({
      onError: feedback.onError,
      onSuccess: async (result) => {
        await feedback.refresh();
        setReason("");
        onDone?.(result.released ? `Contact details saved; the order is released and ${result.planned} message(s) are on their way.` : "Contact details saved.");
      },
    }),
  );
  const changedIds = Object.fromEntries(messengers.filter(([key]) => (ids[key] ?? "") !== (current.messengerIds[key] ?? "")).map(([key]) => [key, ids[key] ?? ""]));
  return (
    <form
      className="space-y-3"
      aria-label="Correct contact details"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({
          orderId,
          reason,
          ...(email !== (current.email ?? "") ? { email } : {}),
          ...(phone !== (current.phone ?? "") ? { phone } : {}),
          ...(Object.keys(changedIds).length ? { messengerIds: changedIds } : {}),
        });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} error={feedback.fieldErrors.email} autoComplete="off" />
        <TextField label="Phone" type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} error={feedback.fieldErrors.phone} hint="Any format; other countries with their + code." autoComplete="off" />
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-gray-700">Messenger ids</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {messengers.map(([key, label]) => (
            <TextField key={key} label={label} value={ids[key] ?? ""} onChange={(event) => setIds((all) => ({ ...all, [key]: event.target.value }))} />
          ))}
        </div>
      </details>
      <ReasonField value={reason} onChange={setReason} error={feedback.fieldErrors.reason} />
      <FormError message={feedback.error} />
      <Button type="submit" busy={update.isPending}>
        Save contact details
      </Button>
    </form>
  );
}
