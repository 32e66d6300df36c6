import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { stores } from "./stores";

import { sourceKinds } from "../../lib/source-kinds";

export { sourceKinds, type SourceKind } from "../../lib/source-kinds";

/** Where paid orders come from. Each source has its own trigger URL: /api/triggers/<id>. */
export const sources = pgTable("sources", {
  id: uuid("id").primaryKey().defaultRandom(),
  storeId: uuid("store_id")
    .notNull()
    .references(() => stores.id),
  kind: text("kind", { enum: sourceKinds }).notNull(),
  name: text("name").notNull(),
  /** Signing secret and API keys, AES-256-GCM encrypted with a key derived from APP_SECRET. */
  secretsEncrypted: text("secrets_encrypted").notNull(),
  /** Non-secret settings, e.g. the exact notification URL Square signs. */
  config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Source = typeof sources.$inferSelect;
