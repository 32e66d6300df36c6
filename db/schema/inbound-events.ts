import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { sources } from "./sources";
import { inboundEventOutcomes as inboundOutcomes, signatureVerdicts } from "../../lib/inbound-event-outcomes";

export { signatureVerdicts, type SignatureVerdict } from "../../lib/inbound-event-outcomes";

/**
 * received: verified and answered 200, processing after the response still to do (or to retry);
 * accepted: an order was stored or updated; flagged: stored but held back (needs contact, awaiting
 * payment, totals to review); duplicate: a repeated delivery; rejected: refused with a 4xx and a reason;
 * ignored: valid but not acted on (a ping, an unpaid state, a topic we do not use).
 */
export { inboundOutcomes };
export type InboundOutcome = (typeof inboundOutcomes)[number];


/** Every request to a trigger URL, whatever became of it. Signature headers are never stored. */
export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null when the URL named no known source. */
    sourceId: uuid("source_id").references(() => sources.id),
    /** The platform's event or delivery id. */
    externalEventId: text("external_event_id"),
    /**
     * Set to the event id by the one delivery that claimed it; unique per source, so of twenty identical
     * deliveries racing, exactly one claims it and the others are recorded as duplicates.
     */
    dedupeKey: text("dedupe_key"),
    topic: text("topic"),
    signatureVerdict: text("signature_verdict", { enum: signatureVerdicts }).notNull(),
    outcome: text("outcome", { enum: inboundOutcomes }).notNull(),
    reason: text("reason"),
    httpStatus: integer("http_status").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    payload: text("payload").notNull().default(""),
    orderId: uuid("order_id").references(() => orders.id),
    /** How many times processing after the response was tried (retried on failure, and on replay). */
    processingAttempts: integer("processing_attempts").notNull().default(0),
    /** A processor holds the event until then; another one may take it over after (a crashed process). */
    processingLockedUntil: timestamp("processing_locked_until", { withTimezone: true }),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    /** The event this one replays, when an admin replayed a stored event. */
    replayOfId: uuid("replay_of_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inbound_events_source_dedupe_unique").on(t.sourceId, t.dedupeKey),
    index("inbound_events_received_at_idx").on(t.receivedAt),
    index("inbound_events_outcome_idx").on(t.outcome, t.receivedAt),
    index("inbound_events_order_idx").on(t.orderId),
  ],
);

export type InboundEvent = typeof inboundEvents.$inferSelect;
