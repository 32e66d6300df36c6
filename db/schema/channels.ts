import { boolean, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { type ChannelKind, channelKinds, type ProviderId } from "../../lib/channels/provider-ids";

export { channelKinds, type ChannelKind };

/** A configured provider account (a Twilio number, a SendGrid key, the sandbox...). */
export const channels = pgTable("channels", {
  id: uuid("id").primaryKey().defaultRandom(),
  provider: text("provider").$type<ProviderId>().notNull(),
  name: text("name").notNull(),
  kind: text("kind", { enum: channelKinds }).notNull(),
  /** Provider credentials, AES-256-GCM encrypted with a key derived from APP_SECRET. */
  credentialsEncrypted: text("credentials_encrypted").notNull(),
  /** Non-secret settings such as the sender address. */
  config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
  /** Overrides the provider's API base URL (self-hosted gateways, regional hosts, local fakes in tests). */
  baseUrl: text("base_url"),
  enabled: boolean("enabled").notNull().default(true),
  ratePerSecond: real("rate_per_second"),
  maxConcurrency: integer("max_concurrency"),
  timeoutMs: integer("timeout_ms").notNull().default(10_000),
  maxAttempts: integer("max_attempts").notNull().default(8),
  /** Deleted by an admin but kept, disabled, because messages already sent through it refer to it. */
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Channel = typeof channels.$inferSelect;
