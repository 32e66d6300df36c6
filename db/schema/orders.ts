import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { sources } from "./sources";
import { orderFlags, orderStatuses } from "../../lib/order-states";

export { orderFlags, orderStatuses, type OrderFlag, type OrderStatus } from "../../lib/order-states";

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
    /** Triggers whose flows were already planned for this order, so a replay never plans them twice. */
    plannedTriggers: text("planned_triggers").array().notNull().default([]),
    /** Set when a manager confirmed totals that did not add up; the flag is not raised again after. */
    totalsApprovedAt: timestamp("totals_approved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_source_external_unique").on(t.sourceId, t.externalId),
    uniqueIndex("orders_receipt_token_unique").on(t.receiptToken),
    index("orders_number_idx").on(t.number),
    index("orders_created_at_idx").on(t.createdAt),
  ],
);

export type Order = typeof orders.$inferSelect;
