import { type SQL, and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { channels, customers, inboundEvents, notifications, orders } from "@/db/schema";
import type { OrderFlag } from "@/lib/order-states";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import { staffReason } from "./resend-notification";
import { unresolvedFailure } from "./unresolved-failure";

/** The count in the navigation reads at most this many rows ("999+" beyond). */
export const ATTENTION_COUNT_CAP = 999;

/**
 * Everything that waits for a person, one row per item: orders held for contact or for their totals, and
 * messages that failed for good. Cancelled and refunded orders need nobody. Both halves read partial indexes
 * (orders_attention_idx, notifications_failed_idx) that hold only such rows, in queue order; `after` and
 * `limit` apply inside each half, so a page reads a page's worth of each, whatever the queue's length.
 */
function queue(options: { after?: SQL; limit?: number } = {}): SQL {
  const after = (since: string, id: string) => (options.after ? sql`and (${sql.raw(since)}, ${sql.raw(id)}) > ${options.after}` : sql``);
  const limit = options.limit ? sql`order by 4, 5 limit ${options.limit}` : sql``;
  return sql`
  (select 'hold' as kind, o.id as order_id, null::uuid as notification_id, o.created_at as since, o.id as item_id
     from orders o
    where (o.flags && array['needs_contact', 'totals_mismatch']::text[]) and o.attention_dismissed_at is null
      and o.status in ('paid', 'awaiting_payment') ${after("o.created_at", "o.id")}
    ${limit})
  union all
  (select 'failed', n.order_id, n.id, n.updated_at, n.id
     from notifications n join orders o on o.id = n.order_id
    where ${unresolvedFailure("n")} and o.status in ('paid', 'awaiting_payment') ${after("n.updated_at", "n.id")}
    ${limit})`;
}

export async function countAttention(db: Db): Promise<{ count: number; capped: boolean }> {
  const [row] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from (${queue()} limit ${ATTENTION_COUNT_CAP + 1}) capped`));
  const total = row?.total ?? 0;
  return { count: Math.min(total, ATTENTION_COUNT_CAP), capped: total > ATTENTION_COUNT_CAP };
}

export const listAttentionInput = z.object({
  /** The last item of the previous page: "<since micros>.<item id>". */
  cursor: z.string().regex(/^\d{1,20}\.[0-9a-f-]{36}$/i, "This page link is not valid any more.").optional(),
  pageSize: z.number().int().min(1).max(100).default(25),
});

type QueueRow = { kind: "hold" | "failed"; order_id: string; notification_id: string | null; since: string | Date; item_id: string; since_micros: string };

export type AttentionItem = {
  id: string;
  kind: "hold" | "failed";
  since: Date;
  order: { id: string; number: string; status: string; flags: OrderFlag[]; total: number; currency: string; createdAt: Date; customerId: string | null; customerName: string | null; customerEmail: string | null; customerPhone: string | null };
  heldFor: OrderFlag[];
  intakeNote: string | null;
  message: { id: string; channelId: string; channelName: string; channelKind: string; recipient: string | null; lastError: string | null; attempts: number; renderedAt: Date | null; origin: string } | null;
};

/** One page of the queue, oldest first, with what each item needs to be resolved where it is shown. */
export async function listAttention(db: Db, input: z.input<typeof listAttentionInput>) {
  const { cursor, pageSize } = listAttentionInput.parse(input);
  const [micros, itemId] = cursor ? cursor.split(".") : [];
  const after = cursor ? sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond', ${itemId}::uuid)` : undefined;
  const rows = rowsOf<QueueRow>(
    await db.execute(sql`select q.*, (extract(epoch from since) * 1000000)::bigint::text as since_micros from (${queue({ after, limit: pageSize + 1 })}) q order by since, item_id limit ${pageSize + 1}`),
  );
  const page = rows.slice(0, pageSize);
  const orderIds = [...new Set(page.map((row) => row.order_id))];
  const notificationIds = page.flatMap((row) => (row.notification_id ? [row.notification_id] : []));
  const [orderRows, messageRows, eventRows] = await Promise.all([
    orderIds.length
      ? db
          .select({ id: orders.id, number: orders.number, status: orders.status, flags: orders.flags, total: orders.total, currency: orders.currency, createdAt: orders.createdAt, customerId: orders.customerId, customerName: customers.name, customerEmail: customers.email, customerPhone: customers.phone })
          .from(orders)
          .leftJoin(customers, eq(customers.id, orders.customerId))
          .where(inArray(orders.id, orderIds))
      : [],
    notificationIds.length
      ? db
          .select({ id: notifications.id, channelId: notifications.channelId, channelName: channels.name, channelKind: channels.kind, recipient: notifications.recipient, lastError: notifications.lastError, attempts: notifications.attempts, renderedAt: notifications.renderedAt, origin: notifications.origin })
          .from(notifications)
          .innerJoin(channels, eq(channels.id, notifications.channelId))
          .where(inArray(notifications.id, notificationIds))
      : [],
    // What came in for held orders: the event's reason names the invalid email or phone.
    orderIds.length
      ? db.select({ orderId: inboundEvents.orderId, reason: inboundEvents.reason, receivedAt: inboundEvents.receivedAt }).from(inboundEvents).where(and(inArray(inboundEvents.orderId, orderIds), sql`${inboundEvents.reason} is not null`))
      : [],
  ]);
  const orderById = new Map(orderRows.map((row) => [row.id, row]));
  const messageById = new Map(messageRows.map((row) => [row.id, row]));
  const items = page.map((row) => {
    const order = orderById.get(row.order_id)!;
    const reasons = eventRows.filter((event) => event.orderId === row.order_id).sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
    return {
      id: row.item_id,
      kind: row.kind,
      since: new Date(row.since),
      order,
      heldFor: row.kind === "hold" ? (order.flags.filter((flag) => flag === "needs_contact" || flag === "totals_mismatch") as OrderFlag[]) : [],
      intakeNote: reasons[0]?.reason ?? null,
      message: row.notification_id ? (messageById.get(row.notification_id) ?? null) : null,
    };
  });
  const last = page.at(-1);
  return { items: items as AttentionItem[], nextCursor: rows.length > pageSize && last ? `${last.since_micros}.${last.item_id}` : null };
}

export const dismissAttentionInput = z
  .object({ orderId: z.uuid().optional(), notificationId: z.uuid().optional(), reason: staffReason })
  .refine((value) => Boolean(value.orderId) !== Boolean(value.notificationId), { message: "Dismiss either a held order or a failed message." });

/** Takes an item off the queue with a reason; nothing is sent or changed on the order otherwise. */
export async function dismissAttention(db: Db, actor: NonNullable<Actor>, input: z.input<typeof dismissAttentionInput>) {
  const { orderId, notificationId, reason } = dismissAttentionInput.parse(input);
  const now = new Date();
  return db.transaction(async (tx) => {
    if (notificationId) {
      const [dismissed] = await tx
        .update(notifications)
        .set({ dismissedAt: now })
        .where(and(eq(notifications.id, notificationId), eq(notifications.status, "failed"), isNull(notifications.dismissedAt)))
        .returning({ orderId: notifications.orderId });
      if (!dismissed) throw new DomainError("PRECONDITION_FAILED", "This message is not a failure waiting for attention.");
      await recordAudit(tx, actor, { action: "order.failure_dismissed", targetType: "order", targetId: dismissed.orderId, details: { notificationId, reason } });
      return { orderId: dismissed.orderId };
    }
    const [dismissed] = await tx
      .update(orders)
      .set({ attentionDismissedAt: now })
      .where(and(eq(orders.id, orderId!), isNull(orders.attentionDismissedAt), sql`${orders.flags} && array['needs_contact', 'totals_mismatch']::text[]`))
      .returning({ id: orders.id, number: orders.number, flags: orders.flags });
    if (!dismissed) throw new DomainError("PRECONDITION_FAILED", "This order is not held back waiting for attention.");
    await recordAudit(tx, actor, { action: "order.hold_dismissed", targetType: "order", targetId: dismissed.id, details: { number: dismissed.number, flags: dismissed.flags, reason } });
    return { orderId: dismissed.id };
  });
}
