import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Notification, channels, flowSteps, notifications } from "@/db/schema";
import { idempotencyKeyOf } from "../flows/plan-notifications";

/**
 * After a channel failed for good, queues the same step on the next enabled channel of its fallback
 * chain (its own row and idempotency key, due now). Returns the new row's channel name, or null when the
 * chain is exhausted and the notification stays failed, needing attention.
 */
export async function queueFallback(tx: Tx, failed: Notification, now: Date): Promise<string | null> {
  if (!failed.flowStepId) return null;
  const [step] = await tx.select().from(flowSteps).where(eq(flowSteps.id, failed.flowStepId));
  if (!step) return null;
  const remaining = step.channelIds.slice(failed.fallbackIndex + 1);
  if (!remaining.length) return null;
  const candidates = await tx.select().from(channels).where(and(inArray(channels.id, remaining), eq(channels.enabled, true)));
  for (const [offset, channelId] of remaining.entries()) {
    const channel = candidates.find((candidate) => candidate.id === channelId);
    if (!channel) continue;
    const inserted = await tx
      .insert(notifications)
      .values({
        orderId: failed.orderId,
        flowStepId: failed.flowStepId,
        channelId,
        fallbackIndex: failed.fallbackIndex + 1 + offset,
        audience: failed.audience,
        idempotencyKey: idempotencyKeyOf(failed.orderId, failed.flowStepId, channelId),
        recipient: failed.audience === "internal" ? failed.recipient : null,
        nextAttemptAt: now,
      })
      .onConflictDoNothing({ target: notifications.idempotencyKey })
      .returning({ id: notifications.id });
    if (inserted.length) return channel.name;
  }
  return null;
}
