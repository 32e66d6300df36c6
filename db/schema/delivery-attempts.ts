import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { notifications } from "./notifications";

export const attemptOutcomes = ["success", "retryable", "permanent"] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

/** One call to a provider for one notification. Error text never holds secrets. */
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").references(() => channels.id),
    number: integer("number").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    outcome: text("outcome", { enum: attemptOutcomes }),
    httpStatus: integer("http_status"),
    error: text("error"),
    latencyMs: integer("latency_ms"),
  },
  (t) => [index("delivery_attempts_notification_idx").on(t.notificationId)],
);

export type DeliveryAttempt = typeof deliveryAttempts.$inferSelect;
