import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { notifications } from "./notifications";

/**
 * The parts of a message a provider split and reports on part by part (a long SMS through Vonage: one
 * message id and one delivery receipt per part). The notification settles once every part has reported.
 */
export const providerMessageParts = pgTable(
  "provider_message_parts",
  {
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    providerMessageId: text("provider_message_id").notNull(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    /** Null until the part's own receipt arrives. */
    status: text("status", { enum: ["delivered", "failed"] }),
    reason: text("reason"),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.providerMessageId] }), index("provider_message_parts_notification_idx").on(t.notificationId)],
);
