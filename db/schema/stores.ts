import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The shop Orderbell speaks for: its brand and the defaults used when an order does not say. */
export const stores = pgTable("stores", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  brandColor: text("brand_color").notNull().default("#4f46e5"),
  logoUrl: text("logo_url"),
  supportEmail: text("support_email"),
  supportPhone: text("support_phone"),
  defaultLocale: text("default_locale").notNull().default("en-US"),
  timezone: text("timezone").notNull().default("UTC"),
  currency: text("currency").notNull().default("USD"),
  defaultCountry: text("default_country").notNull().default("US"),
  /** Days between payment and delivery when the order itself gives no estimate. */
  deliveryLeadTimeDays: integer("delivery_lead_time_days").notNull().default(3),
  /** When the defaults of a new install (sandbox channels, templates, the default flow) were created. */
  defaultsSeededAt: timestamp("defaults_seeded_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Store = typeof stores.$inferSelect;
