"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import type { TestOutcome } from "./channel-shared";
import { InputControl } from "./form-controls";

type Result = { kind: "outcome"; outcome: TestOutcome } | { kind: "error"; message: string };

/** The provider's answer in words: what happened, and whether Orderbell would try again. */
export function describeOutcome(outcome: TestOutcome): string {
  if (outcome.ok) {
    const id = outcome.providerMessageId ? `provider id ${outcome.providerMessageId}` : "the provider gave no message id";
    return `Sent — ${id} (${outcome.latencyMs} ms)`;
  }
  const error = outcome.httpStatus !== null && !outcome.error.startsWith(`HTTP ${outcome.httpStatus}`) ? `HTTP ${outcome.httpStatus}: ${outcome.error}` : outcome.error;
  return outcome.retryable
    ? `Failed: ${error} (temporary: Orderbell would retry)`
    : `Refused: ${error} (permanent: fix the credentials or settings)`;
}

/** "Send a test to": sends the sample message through this channel's real provider and shows the answer. */
export function SendTestForm({ channelId, placeholder, hint, type }: { channelId: string; placeholder: string; hint: string; type: "email" | "tel" | "text" }) {
  const trpc = useTRPC();
  const send = useMutation(trpc.channels.sendTest.mutationOptions());
  const [to, setTo] = useState("");
  const [inputError, setInputError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (!to.trim()) {
      setInputError("Enter where the test message should go.");
      return;
    }
    setInputError(undefined);
    try {
      setResult({ kind: "outcome", outcome: await send.mutateAsync({ channelId, to: to.trim() }) });
    } catch (error) {
      const details = errorDetails(error);
      if (details.fieldErrors.to) {
        setInputError(details.fieldErrors.to);
        return;
      }
      setResult({ kind: "error", message: `Could not send: ${details.fieldErrors.credentials ?? details.fieldErrors.config ?? details.message}` });
    }
  }

  const sent = result?.kind === "outcome" && result.outcome.ok;
  return (
    <form onSubmit={submit} noValidate aria-label="Send a test message" className="space-y-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <InputControl
          id={`test-${channelId}-to`}
          label="Send a test to"
          name="to"
          type={type}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={to}
          onChange={(event) => setTo(event.target.value)}
          hint={hint}
          error={inputError}
          className="min-w-0 flex-1"
        />
        <Button type="submit" variant="secondary" busy={send.isPending} className="sm:mt-6">
          Send test
        </Button>
      </div>
      {result ? (
        <p
          data-testid="test-result"
          role={sent ? "status" : "alert"}
          className={
            sent
              ? "rounded-md bg-green-50 px-3 py-2 text-sm break-words text-green-800 ring-1 ring-inset ring-green-200"
              : "rounded-md bg-red-50 px-3 py-2 text-sm break-words text-red-700 ring-1 ring-inset ring-red-200"
          }
        >
          {result.kind === "outcome" ? describeOutcome(result.outcome) : result.message}
        </p>
      ) : null}
    </form>
  );
}
