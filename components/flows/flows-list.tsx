"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Badge, Card, EmptyState } from "../ui/card";

const triggerLabel = { order_paid: "When an order is paid", order_cancelled: "When an order is cancelled", order_refunded: "When an order is refunded" } as const;

export function FlowsList() {
  const trpc = useTRPC();
  const flows = useQuery(trpc.flows.list.queryOptions());
  const options = useQuery(trpc.flows.options.queryOptions());
  if (flows.isError) return <p className="text-sm text-red-600">{errorDetails(flows.error).message}</p>;
  if (!flows.data) return <p className="text-sm text-gray-500">Loading flows…</p>;
  if (flows.data.length === 0) {
    return (
      <EmptyState title="No flows" action={<Link className="text-sm font-medium text-indigo-600" href="/flows/new">Create a flow</Link>}>
        Without a flow nothing is sent when an order is paid. Create one: choose the trigger, the channels to send through and the template.
      </EmptyState>
    );
  }
  const channelName = (id: string) => options.data?.channels.find((channel) => channel.id === id)?.name ?? "deleted channel";
  return (
    <div className="space-y-4">
      {flows.data.map((flow) => (
        <Card key={flow.id} className="p-5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex items-center gap-2">
              <Link href={`/flows/${flow.id}`} className="text-base font-semibold text-indigo-700 hover:text-indigo-500">
                {flow.name}
              </Link>
              {flow.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}
            </div>
            <span className="text-sm text-gray-600">{triggerLabel[flow.trigger]}</span>
          </div>
          <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-gray-700">
            {flow.steps.map((step) => (
              <li key={step.id}>
                {step.audience === "internal" ? "Alert the team" : "Message the customer"} through {step.channelIds.map(channelName).join(", then ")}
                {step.delaySeconds ? `, ${Math.round(step.delaySeconds / 60)} min after` : ""}
              </li>
            ))}
          </ol>
        </Card>
      ))}
    </div>
  );
}
