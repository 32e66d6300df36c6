import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { notifications } from "./notifications";

/** Every delivery status a provider reported, matched to a notification or not (unknown message ids). */
export const deliveryStatusEvents = pgTable(
  "delivery_status_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    providerMessageId: text("provider_message_id").notNull(),
    status: text("status", { enum: ["sent", "delivered", "failed"] }).notNull(),
    reason: text("reason"),
    /** What became of it: applied, unchanged (already in that state), unknown message id, or one part of a split message recorded while others are still to report. */
    result: text("result", { enum: ["applied", "unchanged", "unknown_message", "awaiting_parts"] }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("delivery_status_events_notification_idx").on(t.notificationId), index("delivery_status_events_received_idx").on(t.receivedAt)],
);
