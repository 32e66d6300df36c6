"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import type { ChannelItem } from "./channel-shared";

/**
 * Deletes a channel after asking. The flows that send through it are looked up first, so the question
 * names them: confirming removes the channel from those flows too (the server refuses otherwise).
 */
export function DeleteChannelButton({ channel, onError }: { channel: ChannelItem; onError: (message: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.channels.delete.mutationOptions());
  const [checking, setChecking] = useState(false);

  async function run() {
    onError(null);
    setChecking(true);
    let flows: Array<{ id: string; name: string }>;
    try {
      flows = await queryClient.fetchQuery({ ...trpc.channels.usage.queryOptions({ channelId: channel.id }), staleTime: 0 });
    } catch (error) {
      onError(`Could not check which flows use ${channel.name}: ${errorDetails(error).message}`);
      return;
    } finally {
      setChecking(false);
    }
    const question = flows.length
      ? `Used by: ${flows.map((flow) => flow.name).join(", ")}. Delete it and remove it from those flows?`
      : `Delete the channel “${channel.name}”? No flow uses it. Messages already sent through it keep their history.`;
    if (!window.confirm(question)) return;
    try {
      await remove.mutateAsync({ channelId: channel.id, confirmInUse: flows.length > 0 });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() }),
        // Flows name their channels: a removed one must disappear from them too.
        queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() }),
      ]);
    } catch (error) {
      onError(errorDetails(error).message);
    }
  }

  return (
    <Button size="sm" variant="danger" busy={checking || remove.isPending} onClick={() => void run()}>
      Delete
    </Button>
  );
}
