import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** A buyer, as known from the orders they placed. */
export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    email: text("email"),
    /** E.164, e.g. +14155550100. */
    phone: text("phone"),
    whatsappId: text("whatsapp_id"),
    lineId: text("line_id"),
    telegramId: text("telegram_id"),
    viberId: text("viber_id"),
    messengerId: text("messenger_id"),
    locale: text("locale"),
    marketingConsent: boolean("marketing_consent").notNull().default(false),
    /** Channel kinds or channel ids the customer asked not to be contacted on. */
    optOuts: jsonb("opt_outs").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One customer per email address, so concurrent orders from a new buyer do not make two customers.
    uniqueIndex("customers_email_unique").on(sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    // Phone search is exact on E.164: the search box parses what the agent typed with the store's country.
    index("customers_phone_idx").on(t.phone),
    // Partial name and email search ("lovel", "ada@ex") with ILIKE '%…%': trigram GIN indexes (pg_trgm,
    // created in migration 0005) answer it without reading every customer. Exact email uses the unique index.
    index("customers_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("customers_email_trgm_idx").using("gin", t.email.op("gin_trgm_ops")),
  ],
);

export type Customer = typeof customers.$inferSelect;
