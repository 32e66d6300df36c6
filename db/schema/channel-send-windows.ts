import { integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";

/**
 * Per-channel send counters for rate limiting, shared by every dispatcher (app instances and workers):
 * a fixed window per channel, counted atomically in the database.
 */
export const channelSendWindows = pgTable("channel_send_windows", {
  channelId: uuid("channel_id")
    .primaryKey()
    .references(() => channels.id, { onDelete: "cascade" }),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  used: integer("used").notNull(),
});
