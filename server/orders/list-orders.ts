import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { customers, orderFlags, orderStatuses, orders, sources } from "@/db/schema";
import { offsetOf, pageOf } from "@/lib/pagination";

export const listOrdersInput = z.object({
  /** Order number, customer email, phone or name; part of one is enough. */
  search: z.string().trim().max(200).optional(),
  status: z.enum(orderStatuses).optional(),
  flag: z.enum(orderFlags).optional(),
  /** Orders with a message that failed for good and was not delivered through a fallback: support should look. */
  needsAttention: z.boolean().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export async function listOrders(db: Db, input: z.input<typeof listOrdersInput>) {
  const { search, status, flag, needsAttention, page, pageSize } = listOrdersInput.parse(input);
  const filters: SQL[] = [];
  if (needsAttention) {
    filters.push(sql`exists (
      select 1 from notifications failed where failed.order_id = ${orders.id} and failed.status = 'failed'
        and not exists (select 1 from notifications later where later.order_id = failed.order_id
          and later.flow_step_id is not distinct from failed.flow_step_id and later.fallback_index > failed.fallback_index)
    )`);
  }
  if (status) filters.push(eq(orders.status, status));
  if (flag) filters.push(sql`${flag} = any(${orders.flags})`);
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    const digits = search.replace(/[^\d]/g, "");
    filters.push(
      or(
        ilike(orders.number, pattern),
        ilike(orders.externalId, pattern),
        ilike(customers.email, pattern),
        ilike(customers.name, pattern),
        ...(digits.length >= 4 ? [ilike(customers.phone, `%${digits}%`)] : []),
      )!,
    );
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        status: orders.status,
        flags: orders.flags,
        currency: orders.currency,
        total: orders.total,
        createdAt: orders.createdAt,
        paidAt: orders.paidAt,
        sourceName: sources.name,
        sourceKind: sources.kind,
        customerName: customers.name,
        customerEmail: customers.email,
        customerPhone: customers.phone,
      })
      .from(orders)
      .innerJoin(sources, eq(sources.id, orders.sourceId))
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
    db.select({ total: count() }).from(orders).leftJoin(customers, eq(customers.id, orders.customerId)).where(where),
  ]);
  return pageOf(rows, totals?.total ?? 0, page, pageSize);
}
