import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { channels, customers, notifications, orders } from "@/db/schema";
import { DomainError } from "../errors";

export const customerMessagesInput = z.object({
  customerId: z.uuid(),
  /** The last message of the previous page: "<created micros>.<id>". */
  cursor: z.string().regex(/^\d{1,20}\.[0-9a-f-]{36}$/i, "This page link is not valid any more.").optional(),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export async function getCustomer(db: Db, customerId: string) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new DomainError("NOT_FOUND", "No such customer.");
  return customer;
}

/** Every message sent to one customer, across their orders, newest first, by keyset. */
export async function listCustomerMessages(db: Db, input: z.input<typeof customerMessagesInput>) {
  const { customerId, cursor, pageSize } = customerMessagesInput.parse(input);
  const [micros, id] = cursor ? cursor.split(".") : [];
  const rows = await db
    .select({
      id: notifications.id,
      orderId: notifications.orderId,
      orderNumber: orders.number,
      channelName: channels.name,
      channelKind: channels.kind,
      status: notifications.status,
      origin: notifications.origin,
      recipient: notifications.recipient,
      subject: notifications.subject,
      lastError: notifications.lastError,
      sentAt: notifications.sentAt,
      createdAt: notifications.createdAt,
      cursorMicros: sql<string>`(extract(epoch from ${notifications.createdAt}) * 1000000)::bigint::text`,
    })
    .from(notifications)
    .innerJoin(orders, eq(orders.id, notifications.orderId))
    .innerJoin(channels, eq(channels.id, notifications.channelId))
    .where(
      and(
        eq(orders.customerId, customerId),
        ...(cursor ? [sql`(${notifications.createdAt}, ${notifications.id}) < (timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond', ${id}::uuid)`] : []),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { items: page.map(({ cursorMicros: _c, ...row }) => row), nextCursor: rows.length > pageSize && last ? `${last.cursorMicros}.${last.id}` : null };
}
