import { sql } from "drizzle-orm";
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { sources } from "./sources";
import { confirmationStates, orderFlags, orderStatuses } from "../../lib/order-states";

export { confirmationStates, orderFlags, orderStatuses, type ConfirmationState, type OrderFlag, type OrderStatus } from "../../lib/order-states";

export type PostalAddress = {
  name?: string;
  company?: string;
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  phone?: string;
};

/** Money is integer minor units in the order's currency. */
const money = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

/** One real order from a source; unique on (source, external id) so replays never duplicate it. */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id),
    /** The platform's id, kept as text: Shopify ids exceed 2^53. */
    externalId: text("external_id").notNull(),
    number: text("number").notNull(),
    status: text("status", { enum: orderStatuses }).notNull(),
    flags: text("flags", { enum: orderFlags }).array().notNull().default([]),
    customerId: uuid("customer_id").references(() => customers.id),
    currency: text("currency").notNull(),
    locale: text("locale"),
    subtotal: money("subtotal"),
    discountTotal: money("discount_total"),
    taxTotal: money("tax_total"),
    shippingTotal: money("shipping_total"),
    total: money("total"),
    deliveryEstimate: date("delivery_estimate", { mode: "string" }),
    shippingAddress: jsonb("shipping_address").$type<PostalAddress>(),
    statusUrl: text("status_url"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    placedAt: timestamp("placed_at", { withTimezone: true }),
    /** Unguessable token (>= 128 bits, base64url) for the customer's receipt page /r/<token>. */
    receiptToken: text("receipt_token").notNull(),
    receiptViews: integer("receipt_views").notNull().default(0),
    receiptFirstViewedAt: timestamp("receipt_first_viewed_at", { withTimezone: true }),
    receiptLastViewedAt: timestamp("receipt_last_viewed_at", { withTimezone: true }),
    /** Triggers whose flows were already planned for this order, so a replay never plans them twice. */
    plannedTriggers: text("planned_triggers").array().notNull().default([]),
    /** Set when a manager confirmed totals that did not add up; the flag is not raised again after. */
    totalsApprovedAt: timestamp("totals_approved_at", { withTimezone: true }),
    /**
     * What the customer got, across the order's customer messages: delivered > sent > pending > failed >
     * none. Kept by the database trigger on notifications (migration 0007), so every writer (dispatch,
     * callbacks, fallbacks, resends) keeps it right and the list filters on it through an index.
     */
    confirmation: text("confirmation", { enum: confirmationStates }).notNull().default("none"),
    /** When the first customer message went out; with paid_at it gives payment-to-first-send latency. Same trigger. */
    firstSentAt: timestamp("first_sent_at", { withTimezone: true }),
    /** Staff took a held order off the Needs attention queue (reason in the audit log); the flags stay. */
    attentionDismissedAt: timestamp("attention_dismissed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_source_external_unique").on(t.sourceId, t.externalId),
    uniqueIndex("orders_receipt_token_unique").on(t.receiptToken),
    index("orders_number_idx").on(t.number),
    // The list pages by keyset (created_at, id), newest first: every list index ends with these two columns
    // so a filtered page is one index range read backwards, whatever the page number.
    index("orders_created_at_idx").on(t.createdAt, t.id),
    index("orders_status_created_idx").on(t.status, t.createdAt, t.id),
    index("orders_source_created_idx").on(t.sourceId, t.createdAt, t.id),
    index("orders_confirmation_created_idx").on(t.confirmation, t.createdAt, t.id),
    // A customer's orders (customer page, and every search that finds customers first).
    index("orders_customer_created_idx").on(t.customerId, t.createdAt, t.id),
    // Search by number as the customer quotes it, "#1001" or "1001": exact match on the normalised number.
    index("orders_number_search_idx").on(sql`lower(ltrim(${t.number}, '#'))`),
    // Search by the platform's id (exact); the unique index starts with source_id so it cannot serve this.
    index("orders_external_id_idx").on(t.externalId),
    // Held orders are few: a partial index makes the "held" filter and the Needs attention queue cheap.
    index("orders_held_created_idx").on(t.createdAt, t.id).where(sql`cardinality(${t.flags}) > 0`),
    index("orders_attention_idx")
      .on(t.createdAt, t.id)
      .where(sql`(${t.flags} && array['needs_contact', 'totals_mismatch']::text[]) and ${t.attentionDismissedAt} is null`),
    // Overview latency: an index-only read of (paid_at, first_sent_at) over the chosen period.
    index("orders_paid_first_sent_idx").on(t.paidAt, t.firstSentAt),
  ],
);

export type Order = typeof orders.$inferSelect;
