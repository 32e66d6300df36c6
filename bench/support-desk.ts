/**
 * `npx tsx bench/support-desk.ts` after `bench/seed-support-desk.ts`: p50 / p95 server-side time of what
 * support does all day, through the tRPC procedures the dashboard calls (input validation, role check and
 * all), on the seeded `<DATABASE_URL's database>_desk`: the orders list (first page and a page deep in by
 * keyset), each kind of search, filters, the order page, the Needs attention queue and the overview.
 * Prints the figures and the plan of each search; asserts nothing. Env: DESK_RUNS (default 30).
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { rowsOf } from "../db/rows";
import { createCaller } from "../server/api/root";
import { encodeCursor } from "../server/orders/order-cursor";
import { exactOrderIds, partialCustomerIds, searchTermsOf } from "../server/orders/order-search";
import { getDeliveryStats, getRecentDeliveryStats } from "../server/overview/delivery-stats";
import { getOverview } from "../server/overview/get-overview";
import { deskDatabaseUrl } from "./support-desk-database";

const runs = Number(process.env.DESK_RUNS ?? 30);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

async function measure(label: string, run: (iteration: number) => Promise<unknown>) {
  for (let warm = 0; warm < 3; warm++) await run(warm);
  const times: number[] = [];
  for (let iteration = 0; iteration < runs; iteration++) {
    const started = performance.now();
    await run(iteration);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(`  ${label.padEnd(46)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms ${p95 < 200 ? "" : "  OVER 200 ms"}`);
}

async function main() {
  process.env.APP_SECRET ??= "bench-app-secret-that-is-long-enough-0123456789";
  const url = deskDatabaseUrl();
  const connection = await openDatabase({ driver: "postgres", url, maxConnections: 10 });
  const { db } = connection;
  // Fresh statistics, as autovacuum keeps them in production (the seed's migrations may have added indexes).
  await connection.query("analyze");
  const [counts] = await connection.query<{ orders: number; notifications: number }>(`select (select count(*) from orders)::int as orders, (select count(*) from notifications)::int as notifications`);
  const [agent] = await connection.query<{ id: string }>(`insert into users (email, name, role, password_hash) values ('bench-agent-' || gen_random_uuid() || '@bench.example', 'Bench agent', 'agent', 'x') returning id`);
  const [manager] = await connection.query<{ id: string }>(`insert into users (email, name, role, password_hash) values ('bench-manager-' || gen_random_uuid() || '@bench.example', 'Bench manager', 'manager', 'x') returning id`);
  const caller = createCaller({ db, address: null, user: { id: agent!.id, email: "bench-agent@bench.example", name: "Bench agent", role: "agent" } });
  const managerCaller = createCaller({ db, address: null, user: { id: manager!.id, email: "bench-manager@bench.example", name: "Bench manager", role: "manager" } });

  // Real values to look for, spread over the table.
  const samples = await connection.query<{ id: string; number: string; external_id: string; email: string; phone: string | null; name: string }>(
    `select o.id, o.number, o.external_id, c.email, c.phone, c.name from orders o tablesample bernoulli (0.05) join customers c on c.id = o.customer_id
      where c.phone is not null and o.id::text ~ '^.{14}[1-8].{4}[89ab]' limit 60`,
  );
  const pick = (iteration: number) => samples[iteration % samples.length]!;
  const [deep] = await connection.query<{ micros: string; id: string }>(`select (extract(epoch from created_at) * 1000000)::bigint::text as micros, id from orders order by created_at desc, id desc offset 12475 limit 1`);
  const deepCursor = encodeCursor({ micros: deep!.micros, id: deep!.id });
  const asTyped = (phone: string) => `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
  const lastName = (name: string) => name.split(" ").at(-1)!;

  console.log(`Support desk on ${counts!.orders.toLocaleString()} orders and ${counts!.notifications.toLocaleString()} notifications (PostgreSQL), ${runs} runs each after 3 warm-ups:\n`);
  await measure("orders list, first page", () => caller.orders.list({}));
  await measure("orders list, page 500 (keyset)", () => caller.orders.list({ cursor: deepCursor }));
  await measure("search: order number #512345", (i) => caller.orders.list({ search: pick(i).number }));
  await measure("search: order number without #", (i) => caller.orders.list({ search: pick(i).number.replace("#", "") }));
  await measure("search: platform id", (i) => caller.orders.list({ search: pick(i).external_id }));
  await measure("search: exact email", (i) => caller.orders.list({ search: pick(i).email.toUpperCase() }));
  await measure("search: part of an email", (i) => caller.orders.list({ search: pick(i).email.split("@")[0]! }));
  await measure("search: phone typed (415) 555-0132", (i) => caller.orders.list({ search: asTyped(pick(i).phone!) }));
  await measure("search: last name", (i) => caller.orders.list({ search: lastName(pick(i).name) }));
  await measure("filter: a message failed", () => caller.orders.list({ needsAttention: true }));
  await measure("filter: confirmation failed", () => caller.orders.list({ confirmation: "failed" }));
  await measure("filter: held back", () => caller.orders.list({ confirmation: "held" }));
  await measure("filter: refunded, last 30 days", () => caller.orders.list({ status: "refunded", from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) }));
  await measure("order page", (i) => caller.orders.get({ id: pick(i).id }));
  await measure("needs attention: first page", () => caller.orders.attention({}));
  await measure("needs attention: count (navigation)", () => caller.orders.attentionCount());
  for (const range of ["today", "7d", "30d"] as const) {
    await measure(`overview ${range}, computed`, async () => {
      await Promise.all([getOverview(db), getDeliveryStats(db, range)]);
    });
  }
  await measure("overview 30d, as the page serves it (1 min reuse)", async () => {
    await Promise.all([getOverview(db), getRecentDeliveryStats(db, "30d")]);
  });
  await measure("release preview (manager)", (i) => managerCaller.orders.releasePreview({ id: pick(i).id }));

  console.log("\nPlans of the searches (the part that finds the orders):");
  for (const [label, text] of [["number", samples[0]!.number], ["email", samples[0]!.email], ["partial", lastName(samples[0]!.name)], ["phone", asTyped(samples[0]!.phone!)]] as const) {
    const query = label === "partial" ? partialCustomerIds(text) : exactOrderIds(searchTermsOf(text, "US"));
    const plan = rowsOf<{ "QUERY PLAN": string }>(await db.execute(sql`explain ${query}`)).map((row) => row["QUERY PLAN"]);
    const scans = plan.filter((line) => /Scan/.test(line)).map((line) => line.trim().replace(/\s+\(cost.*$/, ""));
    console.log(`  ${label.padEnd(8)} ${scans.join(" · ")}`);
  }
  await connection.query(`delete from users where id in ($1, $2)`, [agent!.id, manager!.id]);
  await connection.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
