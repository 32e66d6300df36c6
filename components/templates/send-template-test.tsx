"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { TemplateContentInput } from "@/server/templates/template-content";
import { formErrorsOf } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError, SelectField, TextField } from "../ui/field";

type ChannelOption = { id: string; name: string; provider: string; enabled: boolean };

/** "Send a test": the content in the editor, rendered with the previewed order, through a chosen channel. */
export function SendTemplateTest({ templateId, draft, orderNumber, channels }: { templateId: string; draft: TemplateContentInput; orderNumber: string; channels: ChannelOption[] }) {
  const trpc = useTRPC();
  const send = useMutation(trpc.templates.sendTest.mutationOptions());
  const [channelId, setChannelId] = useState(channels[0]?.id ?? "");
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    send.reset();
    try {
      await send.mutateAsync({ templateId, draft, channelId, to, orderNumber: orderNumber || undefined });
    } catch (error) {
      const { fieldErrors, formError } = formErrorsOf(error, ["to", "channelId"]);
      setErrors(fieldErrors);
      setFormError(formError);
    }
  }

  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-gray-900">Send a test</h2>
      {channels.length === 0 ? (
        <p className="mt-2 text-sm text-gray-600">No channel of this kind exists yet: an admin can add one on the Channels page.</p>
      ) : (
        <form onSubmit={submit} noValidate className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <SelectField
            label="Through"
            value={channelId}
            onChange={(event) => setChannelId(event.target.value)}
            options={channels.map((channel) => ({ value: channel.id, label: `${channel.name} (${channel.provider}${channel.enabled ? "" : ", disabled"})` }))}
            error={errors.channelId}
          />
          <TextField label="Send to" placeholder="Email, phone (+E.164) or chat id" value={to} onChange={(event) => setTo(event.target.value)} error={errors.to} />
          <Button type="submit" busy={send.isPending}>
            Send test
          </Button>
        </form>
      )}
      <div className="mt-3 space-y-2">
        <FormError message={formError} />
        {send.data?.ok ? (
          <p role="status" className="text-sm text-green-700">
            {`Sent${send.data.providerMessageId ? ` (provider message ${send.data.providerMessageId})` : ""} in ${send.data.latencyMs} ms.`}
          </p>
        ) : null}
        {send.data && !send.data.ok ? (
          <p role="alert" className="text-sm text-red-700">
            {`The provider refused it${send.data.httpStatus ? ` (${send.data.httpStatus})` : ""}: ${send.data.error}`}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
