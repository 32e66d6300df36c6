import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { flowSteps, audiences } from "./flow-steps";
import { orders } from "./orders";
import { templateVersions } from "./template-versions";

export const notificationStatuses = ["pending", "sending", "sent", "delivered", "failed", "cancelled"] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** Where a notification came from: a flow step (and its fallbacks), a staff resend, or a ticket staff opened. */
export const notificationOrigins = ["flow", "resend", "ticket"] as const;
export type NotificationOrigin = (typeof notificationOrigins)[number];

/**
 * The outbox: one row per (order, flow step, channel). Dispatchers claim due rows with
 * FOR UPDATE SKIP LOCKED and a lease (locked_until); the idempotency key keeps a message from going twice.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    flowStepId: uuid("flow_step_id").references(() => flowSteps.id, { onDelete: "set null" }),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id),
    /** Position of channel_id in the step's fallback chain. */
    fallbackIndex: integer("fallback_index").notNull().default(0),
    audience: text("audience", { enum: audiences }).notNull().default("customer"),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", { enum: notificationStatuses }).notNull().default("pending"),
    /** Snapshot of what was rendered when first claimed: this is what the timeline shows as sent. */
    recipient: text("recipient"),
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    /** The template variables as rendered, for providers that map them to positional parameters (WhatsApp). */
    variables: jsonb("variables").$type<Record<string, string>>(),
    /** The template version the content above was rendered from (null: the built-in default). */
    templateVersionId: uuid("template_version_id").references(() => templateVersions.id, { onDelete: "set null" }),
    /** The message this one resends (a staff resend is a new notification with its own idempotency key). */
    resendOfId: uuid("resend_of_id").references((): AnyPgColumn => notifications.id, { onDelete: "set null" }),
    /** When the content above was rendered (at first claim); never rendered again after. */
    renderedAt: timestamp("rendered_at", { withTimezone: true }),
    origin: text("origin", { enum: notificationOrigins }).notNull().default("flow"),
    /** Staff acknowledged this failure on the Needs attention page (reason in the audit log). */
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    /**
     * A later message took this one's place: the next channel of its step's fallback chain, or a staff
     * resend. Set by a database trigger on insert (migration 0007), so a failure that was followed up
     * leaves the Needs attention queue without any query having to look for its successors.
     */
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_idempotency_key_unique").on(t.idempotencyKey),
    index("notifications_due_idx").on(t.status, t.nextAttemptAt),
    index("notifications_lease_idx").on(t.status, t.lockedUntil),
    index("notifications_order_idx").on(t.orderId),
    index("notifications_provider_message_idx").on(t.channelId, t.providerMessageId),
    // Failures nobody followed up or dismissed: few, so the Needs attention queue and its count read only these.
    index("notifications_failed_idx").on(t.updatedAt, t.id).where(sql`${t.status} = 'failed' and ${t.dismissedAt} is null and ${t.supersededAt} is null`),
    // The same rows by order: "orders with a message that failed" walks the newest orders and probes this.
    index("notifications_failed_order_idx").on(t.orderId).where(sql`${t.status} = 'failed' and ${t.dismissedAt} is null and ${t.supersededAt} is null`),
    index("notifications_resend_of_idx").on(t.resendOfId).where(sql`${t.resendOfId} is not null`),
    // Overview per channel over a period: an index-only read of the period's rows.
    index("notifications_created_channel_idx").on(t.createdAt, t.channelId, t.status),
    // "Orders with a message on channel X": from the channel's rows to their orders.
    index("notifications_channel_order_idx").on(t.channelId, t.orderId),
  ],
);

export type Notification = typeof notifications.$inferSelect;
