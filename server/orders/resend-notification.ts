import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type Channel, channels, customers, notifications, orders } from "@/db/schema";
import type { Actor } from "../audit/record-audit";
import { providerFor } from "../channels/registry";
import { recipientKindOf, resolveRecipient } from "../dispatch/resolve-recipient";
import { DomainError } from "../errors";
import { queueStaffMessage } from "./queue-staff-message";

export const staffReason = z.string().trim().min(3, "Say why, in a few words: it goes into the audit log.").max(500);

export const resendInput = z.object({
  notificationId: z.uuid(),
  reason: staffReason,
  /** Another configured channel; the original's when left out. */
  channelId: z.uuid().optional(),
  /** Render again with today's live template instead of sending the stored content. */
  rerender: z.boolean().optional(),
});

/** A usable channel for a new message: enabled, not deleted, with a provider this version knows. */
export async function usableChannel(db: Db, channelId: string): Promise<Channel> {
  const [channel] = await db.select().from(channels).where(eq(channels.id, channelId));
  if (!channel || channel.deletedAt) throw new DomainError("NOT_FOUND", "No such channel.", "channelId");
  if (!channel.enabled) throw new DomainError("PRECONDITION_FAILED", `The channel ${channel.name} is disabled: choose another one or ask an admin to enable it.`, "channelId");
  if (!providerFor(channel.provider)) throw new DomainError("PRECONDITION_FAILED", `No provider "${channel.provider}" in this version of Orderbell.`, "channelId");
  return channel;
}

/**
 * Sends a message again as a new notification, linked to the original, with its own idempotency key (a
 * provider that saw the original's key would otherwise swallow it). With the stored content it goes out
 * exactly as before, to the customer's current contact details; re-rendered, the dispatcher renders it from
 * today's live template when it claims it. Either way it goes through normal dispatch: retries, rate limits,
 * fallback after the original's place in its step's chain.
 */
export async function resendNotification(db: Db, actor: NonNullable<Actor>, input: z.input<typeof resendInput>) {
  const { notificationId, reason, channelId, rerender = false } = resendInput.parse(input);
  const [original] = await db.select().from(notifications).where(eq(notifications.id, notificationId));
  if (!original) throw new DomainError("NOT_FOUND", "No such message.", "notificationId");
  const [order] = await db.select().from(orders).where(eq(orders.id, original.orderId));
  if (!order) throw new DomainError("NOT_FOUND", "The message's order is gone.");
  if (order.status === "cancelled" || order.status === "refunded") throw new DomainError("PRECONDITION_FAILED", `The order is ${order.status}: nothing is sent for it any more.`);
  if (original.origin === "ticket") throw new DomainError("BAD_REQUEST", "A support ticket is not resent: open a new ticket instead.", "notificationId");

  const [originalChannel] = await db.select().from(channels).where(eq(channels.id, original.channelId));
  const channel = await usableChannel(db, channelId ?? original.channelId);
  const stored = !rerender;
  if (stored && !original.renderedAt) throw new DomainError("BAD_REQUEST", "This message was never rendered, so there is no stored content to send: re-render it with the live template.", "rerender");
  if (stored && originalChannel && originalChannel.kind !== channel.kind) {
    throw new DomainError("BAD_REQUEST", `The stored message was written for ${originalChannel.kind}; sending it by ${channel.kind} needs re-rendering with the live template.`, "rerender");
  }

  // The customer's current details: a corrected number or address is where the resend goes.
  let recipient: string | null = original.audience === "internal" ? original.recipient : null;
  if (original.audience === "customer") {
    const [customer] = order.customerId ? await db.select().from(customers).where(eq(customers.id, order.customerId)) : [];
    const resolved = resolveRecipient(recipientKindOf(providerFor(channel.provider)!, channel.kind), customer ?? null, null, channel.config);
    if (!resolved.ok) throw new DomainError("PRECONDITION_FAILED", `${resolved.reason}: correct the contact details first.`, "channelId");
    // A re-rendered message resolves its recipient when it is rendered, like any other.
    if (stored) recipient = resolved.to;
  }

  const now = new Date();
  return queueStaffMessage(
    db,
    actor,
    {
      orderId: order.id,
      flowStepId: original.flowStepId,
      channelId: channel.id,
      fallbackIndex: original.fallbackIndex,
      audience: original.audience,
      origin: "resend",
      resendOfId: original.id,
      recipient,
      ...(stored
        ? { subject: original.subject, textBody: original.textBody, htmlBody: original.htmlBody, variables: original.variables, templateVersionId: original.templateVersionId, renderedAt: now }
        : {}),
    },
    {
      action: "order.message_resent",
      targetType: "order",
      targetId: order.id,
      details: { number: order.number, resendOf: original.id, channel: channel.name, content: stored ? "stored" : "re-rendered", reason },
    },
  );
}
