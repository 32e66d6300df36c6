"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import type { SignatureVerdict } from "@/lib/inbound-event-outcomes";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Card } from "../ui/card";
import { FormError } from "../ui/field";
import { OutcomeBadge } from "./outcome-badge";
import { HeadersList, PayloadView } from "./payload-view";
import { ReplayPanel } from "./replay-panel";

const linkClass = "font-medium text-indigo-600 hover:text-indigo-500";

const verdictLabel: Record<SignatureVerdict, string> = {
  valid: "Valid",
  invalid: "Invalid: the signature did not match",
  missing: "Missing: the request was not signed",
  not_required: "Not required for this request",
  not_checked: "Not checked (a replay, or refused before checking)",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-gray-500">{label}</dt>
      <dd className="break-all text-gray-900">{children}</dd>
    </>
  );
}

const none = <span className="text-gray-400">—</span>;

export function InboundEventDetail({ eventId }: { eventId: string }) {
  const trpc = useTRPC();
  const details = useQuery(trpc.inboundEvents.get.queryOptions({ id: eventId }));
  if (details.isError) return <FormError message={errorDetails(details.error).message} />;
  if (!details.data) return <p className="text-sm text-gray-500">Loading event…</p>;
  const event = details.data;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2" data-testid="inbound-event-outcome">
        <OutcomeBadge outcome={event.outcome} />
        {event.reason ? <span className="text-sm text-gray-700">{event.reason}</span> : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Request</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <Row label="Received">
              <Time value={event.receivedAt} />
            </Row>
            <Row label="Source">
              {event.sourceName ? (
                <>
                  {event.sourceName} <span className="text-gray-500">({event.sourceKind})</span>
                </>
              ) : (
                <span className="text-gray-500">unknown source</span>
              )}
            </Row>
            <Row label="Topic">{event.topic ? <span className="font-mono text-xs">{event.topic}</span> : none}</Row>
            <Row label="HTTP status">
              <span className="font-mono text-xs">{event.httpStatus}</span>
            </Row>
            <Row label="Signature">{verdictLabel[event.signatureVerdict]}</Row>
            <Row label="Event id">{event.externalEventId ? <span className="font-mono text-xs">{event.externalEventId}</span> : none}</Row>
          </dl>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Processing</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <Row label="Outcome">
              <OutcomeBadge outcome={event.outcome} />
            </Row>
            <Row label="Reason">{event.reason ?? none}</Row>
            <Row label="Attempts">{event.processingAttempts}</Row>
            <Row label="Processed">
              <Time value={event.processedAt} />
            </Row>
            <Row label="Order">
              {event.orderId ? (
                <Link href={`/orders/${event.orderId}`} className={linkClass}>
                  {event.orderNumber ? `Order ${event.orderNumber}` : "View order"}
                </Link>
              ) : (
                none
              )}
            </Row>
            <Row label="Replay of">
              {event.replayOfId ? (
                <Link href={`/inbound-events/${event.replayOfId}`} className={linkClass}>
                  the original event
                </Link>
              ) : (
                none
              )}
            </Row>
          </dl>
        </Card>
      </div>
      {event.replayable ? (
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Replay</h2>
          <div className="mt-3">
            <ReplayPanel eventId={event.id} />
          </div>
        </Card>
      ) : null}
      <Card className="p-5">
        <h2 className="text-sm font-semibold">Headers</h2>
        <div className="mt-3">
          <HeadersList headers={event.headers} />
        </div>
      </Card>
      <Card className="p-5">
        <h2 className="text-sm font-semibold">Payload</h2>
        <div className="mt-3">
          <PayloadView payload={event.payload} />
        </div>
      </Card>
    </div>
  );
}
