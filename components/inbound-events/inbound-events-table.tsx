"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { type InboundEventOutcome, inboundEventOutcomes } from "@/lib/inbound-event-outcomes";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card, EmptyState } from "../ui/card";
import { SelectField } from "../ui/field";
import { Pagination } from "../ui/pagination";
import { Table, Td, Th } from "../ui/table";
import { OutcomeBadge, outcomeLabel } from "./outcome-badge";

const linkClass = "font-medium text-indigo-600 hover:text-indigo-500";

export function InboundEventsTable() {
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<InboundEventOutcome | "">("");
  const [sourceId, setSourceId] = useState("");
  const [page, setPage] = useState(1);
  const sources = useQuery(trpc.sources.list.queryOptions());
  const list = useQuery(trpc.inboundEvents.list.queryOptions({ outcome: outcome || undefined, sourceId: sourceId || undefined, page, pageSize: 25 }));
  const filtered = Boolean(outcome || sourceId);

  if (list.data && list.data.total === 0 && !filtered) {
    return (
      <EmptyState
        title="No inbound events yet"
        action={
          <Link href="/sources" className={linkClass}>
            Go to Sources
          </Link>
        }
      >
        Nothing has called a trigger URL yet. Add a source and paste its trigger URL into the platform: every request it sends then appears here
        with its time, source, topic, outcome and reason, and a rejected one can be replayed once you have fixed the cause.
      </EmptyState>
    );
  }

  return (
    <Card>
      <div className="grid gap-3 border-b border-gray-200 p-4 sm:grid-cols-2 lg:w-2/3">
        <SelectField
          id="inbound-events-outcome"
          label="Outcome"
          value={outcome}
          onChange={(event) => {
            setOutcome(event.target.value as InboundEventOutcome | "");
            setPage(1);
          }}
          options={[{ value: "", label: "All outcomes" }, ...inboundEventOutcomes.map((value) => ({ value, label: outcomeLabel[value] }))]}
        />
        <SelectField
          id="inbound-events-source"
          label="Source"
          value={sourceId}
          onChange={(event) => {
            setSourceId(event.target.value);
            setPage(1);
          }}
          options={[{ value: "", label: "All sources" }, ...(sources.data ?? []).map((source) => ({ value: source.id, label: source.name }))]}
        />
      </div>
      {list.isError ? (
        <p className="p-4 text-sm text-red-600">{errorDetails(list.error).message}</p>
      ) : list.data?.items.length === 0 ? (
        <div className="p-6 text-center text-sm text-gray-600">
          <p>No events match these filters.</p>
          <Button
            className="mt-3"
            size="sm"
            variant="secondary"
            onClick={() => {
              setOutcome("");
              setSourceId("");
              setPage(1);
            }}
          >
            Clear filters
          </Button>
        </div>
      ) : (
        <Table label="Inbound events">
          <thead className="bg-gray-50">
            <tr>
              <Th>Received</Th>
              <Th>Source</Th>
              <Th>Topic</Th>
              <Th>Outcome</Th>
              <Th>HTTP</Th>
              <Th>Reason</Th>
              <Th>Order</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {list.data?.items.map((event) => (
              <tr key={event.id} data-testid={`inbound-event-${event.id}`}>
                <Td className="whitespace-nowrap">
                  <Link href={`/inbound-events/${event.id}`} className={linkClass}>
                    <Time value={event.receivedAt} />
                  </Link>
                </Td>
                <Td>{event.sourceName ?? <span className="text-gray-500">unknown source</span>}</Td>
                <Td className="font-mono text-xs">{event.topic ?? <span className="text-gray-400">—</span>}</Td>
                <Td>
                  <OutcomeBadge outcome={event.outcome} />
                </Td>
                <Td className="font-mono text-xs">{event.httpStatus}</Td>
                <Td>
                  {event.reason ? (
                    <span className="block max-w-xs truncate" title={event.reason}>
                      {event.reason}
                    </span>
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  {event.orderId ? (
                    <Link href={`/orders/${event.orderId}`} className={linkClass}>
                      {event.orderNumber ?? "View order"}
                    </Link>
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {list.data ? (
        <Pagination page={list.data.page} pageCount={list.data.pageCount} total={list.data.total} onPage={setPage} noun="events" />
      ) : (
        <p className="p-4 text-sm text-gray-500">Loading events…</p>
      )}
    </Card>
  );
}
