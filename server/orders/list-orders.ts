import { type SQL, and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { customers, orders, sources } from "@/db/schema";
import { type OrderFilters, orderFiltersInput } from "@/lib/orders/order-filters";
import { getStore } from "../settings/store-settings";
import { decodeCursor, encodeCursor, keysetAfter } from "./order-cursor";
import { exactOrderIds, partialCustomerIds, partialCustomerMatch, searchTermsOf } from "./order-search";
import { unresolvedFailure } from "./unresolved-failure";

export const listOrdersInput = orderFiltersInput.extend({
  /** From a previous page's nextCursor or prevCursor. */
  cursor: z.string().max(200).optional(),
  direction: z.enum(["next", "prev"]).default("next"),
  pageSize: z.number().int().min(1).max(100).default(25),
});

/** Counting stops here: "1,000+ orders" reads at most this many rows, whatever the table size. */
export const COUNT_CAP = 1000;

/** Above this many matching customers, a partial search walks the newest orders instead of the customers. */
// Reading up to this many customers' orders stays cheap; beyond, a page of the newest is found sooner by walking.
const MANY_CUSTOMERS = 1000;

/**
 * Exact matches first (number, platform id, whole email, phone): when there are any, they are the answer.
 * Otherwise a part of a name or email finds the customers' orders. With a few matching customers their
 * orders are read through orders_customer_created_idx; with many (a common surname) the newest orders are
 * walked and each one's customer checked, so a page costs a page whatever the name. The count always
 * starts from the customers, and stops at COUNT_CAP.
 */
async function searchCondition(db: Db, text: string, defaultCountry: string, purpose: "page" | "count"): Promise<SQL> {
  const terms = searchTermsOf(text, defaultCountry);
  const [exact] = rowsOf<{ found: boolean }>(await db.execute(sql`select exists (${exactOrderIds(terms)}) as found`));
  if (exact?.found) return sql`${orders.id} in (${exactOrderIds(terms)})`;
  if (!terms.partial) return sql`false`;
  const byCustomers = sql`${orders.customerId} in (${partialCustomerIds(terms.partial)})`;
  if (purpose === "count") return byCustomers;
  const [matching] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from (${partialCustomerIds(terms.partial)} limit ${MANY_CUSTOMERS + 1}) m`));
  if ((matching?.total ?? 0) <= MANY_CUSTOMERS) return byCustomers;
  // "offset 0" keeps the planner from turning this into a join driven by the thousands of customers.
  return sql`exists (select 1 from customers c where c.id = ${orders.customerId} and ${partialCustomerMatch("c", terms.partial)} offset 0)`;
}

/** The SQL conditions of the list's filters; shared by the list and the CSV export. */
export async function orderFilterConditions(db: Db, filters: OrderFilters, purpose: "page" | "count" = "page"): Promise<SQL[]> {
  const conditions: SQL[] = [];
  const store = filters.search || filters.from || filters.to ? await getStore(db) : null;
  if (filters.search) conditions.push(await searchCondition(db, filters.search, store!.defaultCountry, purpose));
  if (filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.flag) conditions.push(sql`${filters.flag} = any(${orders.flags})`);
  if (filters.source) conditions.push(eq(orders.sourceId, filters.source));
  if (filters.customerId) conditions.push(eq(orders.customerId, filters.customerId));
  if (filters.channel) conditions.push(sql`exists (select 1 from notifications n where n.order_id = ${orders.id} and n.channel_id = ${filters.channel})`);
  // Probes the small partial index notifications_failed_order_idx for each order, newest first.
  if (filters.needsAttention) conditions.push(sql`exists (select 1 from notifications n where n.order_id = ${orders.id} and ${unresolvedFailure("n")})`);
  if (filters.confirmation === "held") conditions.push(sql`cardinality(${orders.flags}) > 0`);
  else if (filters.confirmation) conditions.push(eq(orders.confirmation, filters.confirmation), sql`cardinality(${orders.flags}) = 0`);
  // Days are the store's: "from 1 December" starts at midnight in its time zone.
  if (filters.from) conditions.push(sql`${orders.createdAt} >= (${filters.from}::date)::timestamp at time zone ${store!.timezone}`);
  if (filters.to) conditions.push(sql`${orders.createdAt} < (${filters.to}::date + 1)::timestamp at time zone ${store!.timezone}`);
  return conditions;
}

export const orderListColumns = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  flags: orders.flags,
  confirmation: orders.confirmation,
  currency: orders.currency,
  total: orders.total,
  createdAt: orders.createdAt,
  paidAt: orders.paidAt,
  firstSentAt: orders.firstSentAt,
  externalId: orders.externalId,
  sourceName: sources.name,
  sourceKind: sources.kind,
  customerId: orders.customerId,
  customerName: customers.name,
  customerEmail: customers.email,
  customerPhone: customers.phone,
  /** Exact position for the keyset cursor: microseconds since the epoch (a JS Date keeps only milliseconds). */
  cursorMicros: sql<string>`(extract(epoch from ${orders.createdAt}) * 1000000)::bigint::text`,
};

/**
 * One page of orders, newest first, by keyset: the cursor is the last row's (created_at, id), so page 500
 * costs what page 1 does. The total is counted up to COUNT_CAP rows only.
 */
export async function listOrders(db: Db, input: z.input<typeof listOrdersInput>) {
  const { cursor, direction, pageSize, ...filters } = listOrdersInput.parse(input);
  const [conditions, countConditions] = await Promise.all([orderFilterConditions(db, filters), orderFilterConditions(db, filters, "count")]);
  const position = cursor ? decodeCursor(cursor) : null;
  const backwards = direction === "prev" && position !== null;
  const paged = position ? [...conditions, keysetAfter(position, backwards ? "asc" : "desc")] : conditions;
  const order = backwards ? [asc(orders.createdAt), asc(orders.id)] : [desc(orders.createdAt), desc(orders.id)];
  const [found, counted] = await Promise.all([
    db
      .select(orderListColumns)
      .from(orders)
      .innerJoin(sources, eq(sources.id, orders.sourceId))
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .where(and(...paged))
      .orderBy(...order)
      .limit(pageSize + 1),
    db.execute(sql`select count(*)::int as total from (select 1 from ${orders} where ${countConditions.length ? and(...countConditions) : sql`true`} limit ${COUNT_CAP + 1}) capped`),
  ]);
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (backwards) rows.reverse();
  const total = rowsOf<{ total: number }>(counted)[0]?.total ?? 0;
  const first = rows[0];
  const last = rows.at(-1);
  // Going forward, a previous page exists when we came from a cursor; going back, a next page always does.
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : position !== null;
  return {
    items: rows.map(({ cursorMicros: _cursor, ...row }) => row),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    nextCursor: hasNext && last ? encodeCursor({ micros: last.cursorMicros, id: last.id }) : null,
    prevCursor: hasPrev && first ? encodeCursor({ micros: first.cursorMicros, id: first.id }) : null,
  };
}

export type OrderListItem = Awaited<ReturnType<typeof listOrders>>["items"][number];
