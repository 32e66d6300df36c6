"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";

/** Posts a signed sample POS order to this app's own trigger URL: the whole pipeline runs, for real. */
export function SendSampleOrderButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const send = useMutation(
    trpc.orders.sendSample.mutationOptions({
      onSuccess: () => setTimeout(() => void queryClient.invalidateQueries(), 1500),
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => send.mutate()} busy={send.isPending}>
        Send a sample order
      </Button>
      {send.data ? (
        <p role="status" className="text-sm text-green-700">
          Sample order {send.data.orderNumber} sent. Its confirmation appears in the{" "}
          <Link href="/sandbox" className="font-medium underline">
            Sandbox inbox
          </Link>{" "}
          within seconds.
        </p>
      ) : null}
      {send.error ? (
        <p role="alert" className="text-sm text-red-600">
          {errorDetails(send.error).message}
        </p>
      ) : null}
    </div>
  );
}
