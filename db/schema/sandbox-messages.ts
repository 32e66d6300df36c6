import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channelKinds, channels } from "./channels";
import { notifications } from "./notifications";

/** What the built-in sandbox channel "sent": shown in the Sandbox inbox as the customer would see it. */
export const sandboxMessages = pgTable(
  "sandbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    kind: text("kind", { enum: channelKinds }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    text: text("text").notNull(),
    html: text("html"),
    /** A retried send with the same key records nothing new, as a real provider's idempotency would. */
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sandbox_messages_idempotency_unique").on(t.idempotencyKey), index("sandbox_messages_created_idx").on(t.createdAt)],
);

export type SandboxMessage = typeof sandboxMessages.$inferSelect;
