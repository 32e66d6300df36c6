import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { type Notification, deliveryAttempts, notifications, providerMessageParts, sandboxMessages } from "@/db/schema";
import type { ChannelProvider, OutboundMessage } from "../channels/channel-provider";
import { sendThrough } from "../channels/send-context";
import { prepareSend } from "../channel-management/prepare-send";
import { dispatchChannel } from "../flows/plan-notifications";
import { env } from "../env";
import { releaseClaims } from "./claim-notifications";
import { queueFallback } from "./fallback";
import { type DispatchContext, loadDispatchContext } from "./load-dispatch-context";
import { outboundOrderOf } from "./outbound-order";
import { takeSendSlot } from "./rate-limit";
import { renderSnapshot } from "./render-snapshot";
import { backoffMs } from "./retry-policy";

export type DispatchOutcome = "sent" | "retrying" | "failed" | "fell_back" | "deferred" | "cancelled" | "lost_claim";

export type DispatchDeps = {
  workerId: string;
  providerFor: (id: string) => ChannelProvider | null;
  fetch?: typeof fetch;
  cache?: Map<string, unknown>;
  random?: () => number;
};

/** Records what the sandbox provider "sends"; a retry with the same idempotency key records nothing new. */
function sandboxOutbox(db: Db, context: DispatchContext) {
  return {
    async record(message: OutboundMessage): Promise<string> {
      const values = {
        channelId: context.notification.channelId,
        notificationId: context.notification.id,
        kind: context.channel!.kind,
        recipient: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        idempotencyKey: message.idempotencyKey,
      };
      const [created] = await db.insert(sandboxMessages).values(values).onConflictDoNothing({ target: sandboxMessages.idempotencyKey }).returning({ id: sandboxMessages.id });
      if (created) return created.id;
      const [existing] = await db.select({ id: sandboxMessages.id }).from(sandboxMessages).where(eq(sandboxMessages.idempotencyKey, message.idempotencyKey));
      return existing!.id;
    },
  };
}

/** Ends the claim with a permanent failure, and queues the next channel of the step's chain if any. */
async function failForGood(db: Db, notification: Notification, workerId: string, reason: string, now: Date): Promise<DispatchOutcome> {
  return db.transaction(async (tx) => {
    const [failed] = await tx
      .update(notifications)
      .set({ status: "failed", lastError: reason, lockedUntil: null, updatedAt: now })
      .where(and(eq(notifications.id, notification.id), eq(notifications.status, "sending"), eq(notifications.lockedBy, workerId)))
      .returning();
    if (!failed) return "lost_claim";
    const next = await queueFallback(tx, failed, now);
    if (next) {
      await tx.update(notifications).set({ lastError: `${reason}; falling back to ${next}` }).where(eq(notifications.id, failed.id));
      await tx.execute(sql`select pg_notify(${dispatchChannel}, '')`);
      return "fell_back";
    }
    return "failed";
  });
}

/**
 * Sends one claimed notification: renders it the first time, waits for a rate-limit slot (or goes back to
 * pending, untouched), calls the provider with the channel's timeout, records the attempt, and then marks
 * it sent, schedules a retry with backoff, or fails it and falls back to the next channel.
 * Every update is conditional on still holding the claim, so a dispatcher that lost its lease can never
 * overwrite what another one recorded.
 */
export async function dispatchNotification(db: Db, claimed: Notification, deps: DispatchDeps): Promise<DispatchOutcome> {
  const { workerId } = deps;
  const now = () => new Date();
  const context = await loadDispatchContext(db, claimed);
  const { channel, order } = context;

  if (order.status === "cancelled" || order.status === "refunded") {
    await db.update(notifications).set({ status: "cancelled", lastError: `order ${order.status}`, lockedUntil: null, updatedAt: now() }).where(and(eq(notifications.id, claimed.id), eq(notifications.lockedBy, workerId)));
    return "cancelled";
  }
  if (!channel || channel.deletedAt) return failForGood(db, claimed, workerId, "the channel was deleted", now());
  const prepared = prepareSend(channel, { providerFor: deps.providerFor, fetch: deps.fetch, cache: deps.cache });
  const provider = prepared.provider;
  if (!provider) return failForGood(db, claimed, workerId, prepared.ok ? "no provider" : prepared.reason, now());
  if (!channel.enabled) return failForGood(db, claimed, workerId, `the channel ${channel.name} is disabled`, now());
  const optedOut = context.customer?.optOuts ?? [];
  if (claimed.audience === "customer" && (optedOut.includes(channel.kind) || optedOut.includes(channel.id))) {
    await db.update(notifications).set({ status: "cancelled", lastError: "the customer opted out of this channel", lockedUntil: null, updatedAt: now() }).where(and(eq(notifications.id, claimed.id), eq(notifications.lockedBy, workerId)));
    return "cancelled";
  }

  const snapshot = await renderSnapshot(db, context, provider, workerId);
  if (!snapshot.ok) return failForGood(db, claimed, workerId, snapshot.reason, now());
  const notification = snapshot.notification;

  const slot = await takeSendSlot(db, channel.id, channel.ratePerSecond ?? provider.defaultRatePerSecond);
  if (!slot.ok) {
    // Waiting for its turn is not a failure: back to pending, no attempt counted.
    await releaseClaims(db, [notification.id], workerId, slot.retryAt);
    return "deferred";
  }

  // Credentials and settings are checked after the render, so the timeline shows what would have gone.
  if (!prepared.ok) return failForGood(db, notification, workerId, prepared.reason, now());

  const number = notification.attempts + 1;
  const startedAt = now();
  const [attempt] = await db.insert(deliveryAttempts).values({ notificationId: notification.id, channelId: channel.id, number, startedAt }).returning({ id: deliveryAttempts.id });
  const { APP_URL } = env();
  const message: OutboundMessage = {
    to: notification.recipient ?? "",
    subject: notification.subject,
    text: notification.textBody ?? "",
    html: notification.htmlBody,
    variables: notification.variables ?? {},
    order: outboundOrderOf(order, context.items, context.customer, `${APP_URL}/r/${order.receiptToken}`, context.store.defaultLocale),
    idempotencyKey: notification.idempotencyKey,
    statusCallbackUrl: `${APP_URL}/api/status/${channel.id}`,
  };
  const result = await sendThrough(provider, message, prepared.credentials, prepared.config, { ...prepared.context, sandbox: sandboxOutbox(db, context) });
  const finishedAt = now();
  await db
    .update(deliveryAttempts)
    .set({
      finishedAt,
      outcome: result.ok ? "success" : result.retryable ? "retryable" : "permanent",
      httpStatus: result.httpStatus ?? null,
      error: result.ok ? null : result.error.slice(0, 2000),
      latencyMs: finishedAt.getTime() - startedAt.getTime(),
    })
    .where(eq(deliveryAttempts.id, attempt!.id));

  const mine = and(eq(notifications.id, notification.id), eq(notifications.status, "sending"), eq(notifications.lockedBy, workerId));
  if (result.ok) {
    const markSent = (tx: DbOrTx) =>
      tx
        .update(notifications)
        .set({ status: "sent", providerMessageId: result.providerMessageId, sentAt: finishedAt, attempts: number, lastError: null, lockedUntil: null, updatedAt: finishedAt })
        .where(mine)
        .returning({ id: notifications.id });
    const parts = result.providerMessageParts ?? [];
    if (parts.length < 2) return (await markSent(db)).length ? "sent" : "lost_claim";
    // A split message: its parts are recorded with it, so each part's receipt finds the notification.
    return db.transaction(async (tx) => {
      const [sent] = await markSent(tx);
      if (!sent) return "lost_claim";
      await tx
        .insert(providerMessageParts)
        .values(parts.map((providerMessageId) => ({ channelId: channel.id, providerMessageId, notificationId: sent.id })))
        .onConflictDoNothing();
      return "sent";
    });
  }
  if (result.retryable && number < channel.maxAttempts) {
    const wait = backoffMs(number, result.retryAfterMs, deps.random);
    const [retrying] = await db
      .update(notifications)
      .set({ status: "pending", attempts: number, lastError: result.error, nextAttemptAt: new Date(finishedAt.getTime() + wait), lockedUntil: null, lockedBy: null, updatedAt: finishedAt })
      .where(mine)
      .returning({ id: notifications.id });
    return retrying ? "retrying" : "lost_claim";
  }
  await db.update(notifications).set({ attempts: number }).where(mine);
  const reason = result.retryable ? `gave up after ${number} attempts: ${result.error}` : result.error;
  return failForGood(db, { ...notification, attempts: number }, workerId, reason, finishedAt);
}
