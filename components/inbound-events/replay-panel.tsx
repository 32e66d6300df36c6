"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { FormError } from "../ui/field";
import { OutcomeBadge } from "./outcome-badge";

const linkClass = "font-medium text-indigo-600 hover:text-indigo-500";

/** Runs a rejected, flagged or ignored event through processing again, after its cause was fixed. */
export function ReplayPanel({ eventId }: { eventId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const replay = useMutation(
    trpc.inboundEvents.replay.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inboundEvents.list.queryKey() }),
    }),
  );

  function start() {
    const question =
      "Replay this event? Its stored payload is processed again as a new inbound event, without checking the signature. " +
      "It never creates a second order or a second set of notifications.";
    if (!window.confirm(question)) return;
    replay.mutate({ id: eventId });
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-gray-600">
        Fixed what made this event fail or held it back (a wrong secret, a disabled source, a store setting)? Replay it to process its payload again.
      </p>
      <Button busy={replay.isPending} onClick={start}>
        Replay
      </Button>
      <FormError message={replay.isError ? errorDetails(replay.error).message : null} />
      {replay.data ? (
        <div role="status" data-testid="replay-result" className="space-y-2 rounded-md bg-gray-50 p-3 text-sm ring-1 ring-gray-200">
          <p className="flex flex-wrap items-center gap-2">
            Replayed: <OutcomeBadge outcome={replay.data.outcome} />
            {replay.data.reason ? <span className="text-gray-700">{replay.data.reason}</span> : null}
          </p>
          <p className="flex flex-wrap gap-4">
            <Link href={`/inbound-events/${replay.data.id}`} className={linkClass}>
              View the replay
            </Link>
            {replay.data.orderId ? (
              <Link href={`/orders/${replay.data.orderId}`} className={linkClass}>
                View the order
              </Link>
            ) : null}
          </p>
        </div>
      ) : null}
    </div>
  );
}
