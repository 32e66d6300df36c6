import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { type Channel, type Flow, type FlowStep, type Order, channels, flowSteps, flows, notifications, orders } from "@/db/schema";
import type { ContactDetails } from "../orders/contact-details";
import type { OrderTrigger } from "../orders/order-event";
import { conditionsMatch } from "./flow-conditions";

/** Whether a channel of this kind can reach the customer with what we know of them. */
function reachable(channel: Channel, contact: ContactDetails): boolean {
  switch (channel.kind) {
    case "email":
      return Boolean(contact.email);
    case "sms":
      return Boolean(contact.phone);
    default:
      // Messengers, CRMs and support tools resolve their recipient when sending (a WhatsApp number, a
      // Telegram chat id, a CRM contact by email): the provider decides, and falls back if it cannot.
      return Boolean(contact.email || contact.phone || Object.keys(contact.messengerIds).length);
  }
}

/** The LISTEN/NOTIFY channel dispatchers wake on. */
export const dispatchChannel = "orderbell_dispatch";

export function idempotencyKeyOf(orderId: string, stepId: string, channelId: string): string {
  return `${orderId}:${stepId}:${channelId}`;
}

export type PlannedStep = { flow: Flow; step: FlowStep; channel: Channel };

/**
 * Which message each step of every enabled flow for `trigger` would plan for the order: the first channel
 * of the step's chain that can reach the audience. Reads only; planNotifications inserts them, and the order
 * page shows them before a manager releases a held order.
 */
export async function chooseSteps(tx: DbOrTx, input: { order: Order; trigger: OrderTrigger; contact: ContactDetails; country: string | null }): Promise<PlannedStep[]> {
  const { order, trigger, contact, country } = input;
  const facts = { sourceId: order.sourceId, total: order.total, currency: order.currency, country, hasEmail: Boolean(contact.email), hasPhone: Boolean(contact.phone) };
  const candidates = await tx.select().from(flows).where(and(eq(flows.enabled, true), eq(flows.trigger, trigger))).orderBy(asc(flows.position), asc(flows.createdAt));
  const matching = candidates.filter((flow) => conditionsMatch(flow.conditions, facts));
  if (!matching.length) return [];
  const steps = await tx.select().from(flowSteps).where(inArray(flowSteps.flowId, matching.map((flow) => flow.id))).orderBy(asc(flowSteps.position));
  const channelIds = [...new Set(steps.flatMap((step) => step.channelIds))];
  const channelRows = channelIds.length ? await tx.select().from(channels).where(inArray(channels.id, channelIds)) : [];
  const channelById = new Map(channelRows.map((channel) => [channel.id, channel]));
  const flowById = new Map(matching.map((flow) => [flow.id, flow]));
  const chosen: PlannedStep[] = [];
  for (const step of steps) {
    const chain = step.channelIds.map((id) => channelById.get(id)).filter((channel): channel is Channel => Boolean(channel?.enabled));
    const channel = chain.find((candidate) => step.audience === "internal" || reachable(candidate, contact));
    if (channel) chosen.push({ flow: flowById.get(step.flowId)!, step, channel });
  }
  return chosen;
}

/**
 * Creates one pending notification per step of every enabled flow for `trigger` whose conditions the
 * order meets, due at now + the step's delay, on the first channel of the step's chain that can reach
 * the audience. Runs inside the order's transaction. A trigger is planned once per order, and the
 * unique idempotency key makes a second attempt a no-op even so.
 */
export async function planNotifications(
  tx: Tx,
  input: { order: Order; trigger: OrderTrigger; contact: ContactDetails; country: string | null; now: Date },
): Promise<number> {
  const { order, trigger, now } = input;
  if (order.plannedTriggers.includes(trigger)) return 0;
  let planned = 0;
  for (const { step, channel } of await chooseSteps(tx, input)) {
    const inserted = await tx
      .insert(notifications)
      .values({
        orderId: order.id,
        flowStepId: step.id,
        channelId: channel.id,
        fallbackIndex: step.channelIds.indexOf(channel.id),
        audience: step.audience,
        idempotencyKey: idempotencyKeyOf(order.id, step.id, channel.id),
        recipient: step.audience === "internal" ? step.internalRecipient : null,
        nextAttemptAt: new Date(now.getTime() + step.delaySeconds * 1000),
      })
      .onConflictDoNothing({ target: notifications.idempotencyKey })
      .returning({ id: notifications.id });
    planned += inserted.length;
  }
  await tx
    .update(orders)
    .set({ plannedTriggers: sql`array_append(${orders.plannedTriggers}, ${trigger})` })
    .where(eq(orders.id, order.id));
  // Wakes every listening dispatcher (workers, app instances) when the transaction commits.
  if (planned > 0) await tx.execute(sql`select pg_notify(${dispatchChannel}, '')`);
  return planned;
}

/** Cancels what is still waiting to go out for an order that was cancelled or refunded. */
export async function cancelPendingNotifications(tx: Tx, orderId: string, reason: string): Promise<number> {
  const cancelled = await tx
    .update(notifications)
    .set({ status: "cancelled", lastError: reason, updatedAt: new Date() })
    .where(and(eq(notifications.orderId, orderId), eq(notifications.status, "pending")))
    .returning({ id: notifications.id });
  return cancelled.length;
}
