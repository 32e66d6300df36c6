import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { sources } from "./sources";

export const inboundOutcomes = ["accepted", "duplicate", "rejected", "ignored", "flagged"] as const;
export type InboundOutcome = (typeof inboundOutcomes)[number];

export const signatureVerdicts = ["valid", "invalid", "missing", "not_required", "not_checked"] as const;
export type SignatureVerdict = (typeof signatureVerdicts)[number];

/** Every request to a trigger URL, whatever became of it. Signature headers are never stored. */
export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null when the URL named no known source. */
    sourceId: uuid("source_id").references(() => sources.id),
    /** The platform's event or delivery id; unique per source so a redelivery is seen as a duplicate. */
    externalEventId: text("external_event_id"),
    topic: text("topic"),
    signatureVerdict: text("signature_verdict", { enum: signatureVerdicts }).notNull(),
    outcome: text("outcome", { enum: inboundOutcomes }).notNull(),
    reason: text("reason"),
    httpStatus: integer("http_status").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    payload: text("payload").notNull().default(""),
    orderId: uuid("order_id").references(() => orders.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inbound_events_source_event_unique").on(t.sourceId, t.externalEventId),
    index("inbound_events_received_at_idx").on(t.receivedAt),
  ],
);

export type InboundEvent = typeof inboundEvents.$inferSelect;
