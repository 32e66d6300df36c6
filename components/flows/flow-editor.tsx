"use client";

import { useQuery } from "@tanstack/react-query";
import { useStoreDisplay } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { FlowForm } from "./flow-form";
import { emptyFlow, toValues } from "./flow-form-values";

/** Loads a flow (or starts a new one) and hands it to the form. */
export function FlowEditor({ flowId }: { flowId?: string }) {
  const trpc = useTRPC();
  const { currency } = useStoreDisplay();
  const flow = useQuery({ ...trpc.flows.get.queryOptions({ id: flowId ?? "" }), enabled: Boolean(flowId) });
  if (!flowId) return <FlowForm initial={emptyFlow} />;
  if (flow.isError) return <p className="text-sm text-red-600">{errorDetails(flow.error).message}</p>;
  if (!flow.data) return <p className="text-sm text-gray-500">Loading flow…</p>;
  return <FlowForm flowId={flowId} initial={toValues(flow.data, currency)} />;
}
