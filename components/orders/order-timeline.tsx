"use client";

import type { OrderDetails } from "@/server/orders/get-order";
import { Time } from "../shell/store-display";
import { Badge } from "../ui/card";

type Entry = OrderDetails["timeline"][number];

const outcomeTone = { success: "green", retryable: "amber", permanent: "red" } as const;

function MessageLink({ id, label, onOpen }: { id: string; label: string; onOpen: (id: string) => void }) {
  return (
    <button type="button" className="font-medium text-indigo-600 hover:text-indigo-500" onClick={() => onOpen(id)}>
      {label}
    </button>
  );
}

function EntryBody({ entry, details, onOpen }: { entry: Entry; details: OrderDetails; onOpen: (id: string) => void }) {
  switch (entry.kind) {
    case "event": {
      const event = details.events.find((candidate) => candidate.id === entry.eventId);
      return (
        <div>
          <p>
            Received <span className="font-medium">{entry.topic ?? "an event"}</span> from {details.source.name}: <Badge tone={entry.outcome === "rejected" ? "red" : entry.outcome === "flagged" ? "amber" : "gray"}>{entry.outcome}</Badge>
          </p>
          {entry.reason ? <p className="mt-1 text-gray-700">{entry.reason}</p> : null}
          {event ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-gray-600">Payload (HTTP {event.httpStatus}, signature {event.signatureVerdict})</summary>
              <pre className="mt-1 max-h-80 overflow-auto rounded-md bg-gray-50 p-2 text-xs whitespace-pre-wrap break-all">{event.payload}</pre>
            </details>
          ) : null}
        </div>
      );
    }
    case "planned":
      return (
        <p>
          {entry.origin === "ticket" ? "Support ticket queued on " : entry.origin === "resend" ? "Resend queued on " : "Message planned on "}
          <MessageLink id={entry.notificationId} label={entry.channelName} onOpen={onOpen} />
          {entry.flow ? ` by ${entry.flow.name}, step ${entry.flow.step}` : ""}
        </p>
      );
    case "attempt":
      return (
        <div data-testid="timeline-attempt">
          <p>
            Attempt {entry.number} on <MessageLink id={entry.notificationId} label={entry.channelName} onOpen={onOpen} />:{" "}
            <Badge tone={entry.outcome ? outcomeTone[entry.outcome as keyof typeof outcomeTone] : "indigo"}>{entry.outcome === "success" ? "accepted" : (entry.outcome ?? "in flight")}</Badge>
            {entry.httpStatus ? ` HTTP ${entry.httpStatus}` : ""}
            {entry.latencyMs !== null ? ` · ${entry.latencyMs} ms` : ""}
          </p>
          {entry.providerMessageId && !entry.ticket ? <p className="text-xs text-gray-600">Provider message id {entry.providerMessageId}</p> : null}
          {entry.ticket ? (
            <p className="text-gray-700" data-testid="timeline-ticket">
              Ticket{" "}
              {entry.ticket.link ? (
                <a className="font-medium text-indigo-600 hover:text-indigo-500" href={entry.ticket.link} target="_blank" rel="noreferrer">
                  #{entry.ticket.id}
                </a>
              ) : (
                <span className="font-medium">#{entry.ticket.id}</span>
              )}{" "}
              opened
            </p>
          ) : null}
          {entry.error ? <p className="text-red-700">{entry.error}</p> : null}
        </div>
      );
    case "report":
      return (
        <p>
          Delivery report for <MessageLink id={entry.notificationId} label={entry.channelName} onOpen={onOpen} />: <Badge tone={entry.status === "failed" ? "red" : "green"}>{entry.status}</Badge>
          {entry.reason ? ` — ${entry.reason}` : ""}
          {entry.result !== "applied" ? ` (${entry.result.replace("_", " ")})` : ""}
        </p>
      );
    case "cancelled":
      return (
        <p>
          <MessageLink id={entry.notificationId} label={entry.channelName} onOpen={onOpen} /> cancelled{entry.reason ? `: ${entry.reason}` : ""}
        </p>
      );
    case "receipt":
      return <p>{entry.first ? "The customer opened the receipt page" : `Receipt page opened again (${entry.views} views in all)`}</p>;
    case "staff":
      return (
        <p>
          <span className="font-medium">{entry.actorEmail ?? "System"}</span> {entry.text}
          {entry.reason ? <span className="text-gray-600"> — “{entry.reason}”</span> : null}
        </p>
      );
  }
}

/** Everything that happened to the order, oldest first, in the store's time zone. */
export function OrderTimeline({ details, onOpenMessage }: { details: OrderDetails; onOpenMessage: (id: string) => void }) {
  if (!details.timeline.length) return <p className="text-sm text-gray-600">Nothing has happened to this order yet.</p>;
  return (
    <ol className="space-y-3 border-l-2 border-gray-200 pl-4 text-sm" aria-label="Order timeline">
      {details.timeline.map((entry) => (
        <li key={entry.key} className="relative" data-kind={entry.kind}>
          <span aria-hidden className="absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full bg-gray-300 ring-2 ring-white" />
          <p className="text-xs text-gray-500">
            <Time value={entry.at} />
          </p>
          <EntryBody entry={entry} details={details} onOpen={onOpenMessage} />
        </li>
      ))}
    </ol>
  );
}
