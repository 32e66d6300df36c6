/**
 * `npx tsx bench/seed-support-desk.ts`: fills `<DATABASE_URL's database>_desk` (dropped and created
 * afresh) with 1,000,000 orders over the last 365 days, 700,000 customers, ~1.5 M order items, 1 M inbound
 * events, 3,000,000 notifications and their delivery attempts, for `bench/support-desk.ts`. Set-based
 * INSERT … SELECT over generate_series: about 20 minutes on a busy 2-core machine (most of it maintaining
 * the indexes), not hours of row-by-row inserts.
 * Env: DESK_ORDERS (default 1000000), DESK_CUSTOMERS (default 70 % of the orders).
 */
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { createChannel } from "../server/channel-management/manage-channels";
import { createFlow } from "../server/flows/manage-flows";
import { createSource } from "../server/sources/manage-sources";
import { ensureStore } from "../server/settings/store-settings";
import { seedDefaults } from "../server/startup/seed-defaults";
import { deskDatabaseUrl, serverUrl } from "./support-desk-database";

const orderCount = Number(process.env.DESK_ORDERS ?? 1_000_000);
const customerCount = Number(process.env.DESK_CUSTOMERS ?? Math.round(orderCount * 0.7));

const firstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Dennis", "Katherine", "Tim", "Hedy", "Linus", "Annie", "Niklaus", "Joan", "Claude"];
const lastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Backus", "Perlman", "Ritchie", "Johnson", "Berners", "Lamarr", "Torvalds", "Easley", "Wirth", "Clarke", "Shannon", "Kay", "Cerf", "Goldberg", "Hoare", "Lamport", "Milner", "Naur", "Rivest", "Shamir", "Adleman", "Sutherland", "Engelbart", "Floyd", "Hartmanis", "Karp", "Minsky", "Newell", "Simon", "Wilkes", "Yao"];

async function step(label: string, run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`);
}

async function main() {
  process.env.APP_SECRET ??= "bench-app-secret-that-is-long-enough-0123456789";
  const url = deskDatabaseUrl();
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  console.log(`Seeding ${name}: ${orderCount} orders, ${customerCount} customers, ${orderCount * 3} notifications.`);

  const connection = await openDatabase({ driver: "postgres", url, maxConnections: 2 });
  await migrateDatabase(connection, url);
  const { db } = connection;
  await ensureStore(db);
  await seedDefaults(db);
  const sources = await Promise.all(
    (["shopify", "woocommerce", "pos"] as const).map(async (kind) => (await createSource(db, null, { kind, name: `Bench ${kind}`, secrets: kind === "shopify" ? { clientSecret: "bench-secret-0123456789" } : kind === "woocommerce" ? { webhookSecret: "bench-secret-0123456789" } : {} })).source.id),
  );
  const resend = await createChannel(db, null, { provider: "resend", name: "Resend (bench)", credentials: { apiKey: "re_bench_key" }, config: { fromAddress: "orders@shop.example", fromName: "Shop" } });
  await createFlow(db, null, { name: "Bench receipts by Resend", trigger: "order_paid", conditions: {}, steps: [{ channelIds: [resend.id] }] });
  const [emailChannel, smsChannel] = await Promise.all(["Sandbox email", "Sandbox SMS"].map(async (channel) => (await connection.query<{ id: string }>(`select id from channels where name = $1`, [channel]))[0]!.id));
  const steps = await connection.query<{ id: string; channel: string }>(`select id, channel_ids[1]::text as channel from flow_steps order by created_at`);
  const stepOf = (channel: string) => steps.find((row) => row.channel === channel)?.id ?? null;
  const channelsAndSteps = [
    [emailChannel, stepOf(emailChannel!)],
    [smsChannel, stepOf(smsChannel!)],
    [resend.id, stepOf(resend.id)],
  ] as const;

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  // Stable ids from a counter, shaped as version-4 UUIDs so the API's validation takes them.
  await sql.unsafe(`create or replace function bench_uuid(seed text) returns uuid language sql immutable as
    $$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid from md5(seed) h $$`);
  // Bulk load: the notification triggers are replaced by set-based updates at the end.
  await sql`set session_replication_role = replica`;
  await step("customers", () =>
    sql.unsafe(`
      insert into customers (id, name, email, phone, locale, created_at, updated_at)
      select bench_uuid('c' || i),
             (array['${firstNames.join("','")}'])[1 + i % ${firstNames.length}] || ' ' || (array['${lastNames.join("','")}'])[1 + (i / ${firstNames.length}) % ${lastNames.length}],
             lower((array['${firstNames.join("','")}'])[1 + i % ${firstNames.length}] || '.' || (array['${lastNames.join("','")}'])[1 + (i / ${firstNames.length}) % ${lastNames.length}]) || '.' || i || '@example' || (i % 7) || '.com',
             case when i % 10 < 8 then '+1415' || (2000000 + i % 8000000)::text end,
             'en-US', now() - interval '400 days', now()
        from generate_series(0, ${customerCount - 1}) i`),
  );
  await step("orders", () =>
    sql.unsafe(`
      insert into orders (id, source_id, external_id, number, status, flags, customer_id, currency, subtotal, shipping_total, tax_total, total,
                          paid_at, placed_at, receipt_token, planned_triggers, created_at, updated_at)
      select bench_uuid('o' || i),
             (array['${sources.join("','")}']::uuid[])[1 + i % 3],
             'ext-' || i, '#' || (100000 + i),
             case when i % 100 = 7 then 'awaiting_payment' when i % 100 = 8 then 'cancelled' when i % 100 = 9 then 'refunded' else 'paid' end,
             case when i % 100 = 7 then array['awaiting_payment'] when i % 200 = 11 then array['needs_contact'] when i % 300 = 13 then array['totals_mismatch'] else array[]::text[] end,
             bench_uuid('c' || (i::bigint * 7919) % ${customerCount}),
             'USD', 4900 + (i % 50) * 100, 499, 400, 5799 + (i % 50) * 100,
             case when i % 100 <> 7 then at + make_interval(secs => (i % 5)) end, at, md5('r' || i), array['order_paid'], at, at
        from (select i, now() - make_interval(secs => (${orderCount} - i) * (365.0 * 86400 / ${orderCount})) as at from generate_series(1, ${orderCount}) i) s`),
  );
  await step("order items", () =>
    sql.unsafe(`
      insert into order_items (order_id, position, name, variant, sku, quantity, unit_price, line_total)
      select bench_uuid('o' || i), p, case p when 0 then 'Trail Runner 2' else 'Merino socks' end, '42 / Blue', 'SKU-' || p, 1, 4900 + (i % 50) * 100, 4900 + (i % 50) * 100
        from generate_series(1, ${orderCount}) i, generate_series(0, (i % 2)) p`),
  );
  await step("inbound events", () =>
    sql.unsafe(`
      insert into inbound_events (source_id, external_event_id, dedupe_key, topic, signature_verdict, outcome, reason, http_status, payload, order_id, processing_attempts, processed_at, received_at)
      select o.source_id, 'evt-' || o.external_id, 'evt-' || o.external_id, 'order.paid', 'valid',
             case when cardinality(o.flags) > 0 then 'flagged' else 'accepted' end,
             case when 'needs_contact' = any(o.flags) then 'phone "12" is not a valid number for US' end,
             200, '{"event_id":"evt-' || o.external_id || '","type":"order.paid","order":{"id":"' || o.external_id || '","number":"' || o.number || '","total":' || o.total || '}}',
             o.id, 1, o.created_at, o.created_at
        from orders o`),
  );
  await step("notifications (3 per order)", () =>
    sql.unsafe(`
      insert into notifications (id, order_id, flow_step_id, channel_id, fallback_index, audience, origin, resend_of_id, idempotency_key, status, recipient, subject, text_body, html_body,
                                 rendered_at, attempts, next_attempt_at, provider_message_id, last_error, sent_at, delivered_at, created_at, updated_at)
      select bench_uuid('n' || o.i || '-' || k), o.id, (array[${[...channelsAndSteps, channelsAndSteps[0]].map(([, s]) => (s ? `'${s}'` : "null")).join(",")}]::uuid[])[k],
             (array['${[...channelsAndSteps, channelsAndSteps[0]].map(([c]) => c).join("','")}']::uuid[])[k], 0, 'customer',
             case k when 4 then 'resend' else 'flow' end, case k when 4 then bench_uuid('n' || o.i || '-1') end,
             o.id || ':' || k, st.status,
             case k when 2 then '+14155550132' else 'customer' || o.i || '@example.com' end,
             case k when 2 then null else 'Order ' || o.number || ' confirmed' end,
             'Thanks for your order ' || o.number || '. Receipt: https://orders.example/r/token',
             case k when 2 then null else '<html><body><h1>Order ' || o.number || '</h1><p>Trail Runner 2 × 1</p><p>Total $' || o.total / 100.0 || '</p></body></html>' end,
             o.paid_at, case when st.status = 'pending' then 0 else 1 end, o.paid_at,
             case when st.status in ('sent', 'delivered') then 'msg-' || o.i || '-' || k end,
             case when st.status = 'failed' then 'HTTP 400: 21211 The ''To'' number is not a valid phone number' end,
             case when st.status in ('sent', 'delivered') then o.paid_at + make_interval(secs => 0.4 + (o.i % 17) * 0.15 + k * 0.2 + case when o.i % 50 = 0 then 25 else 0 end) end,
             case when st.status = 'delivered' then o.paid_at + make_interval(secs => 8) end,
             o.paid_at, o.paid_at + make_interval(secs => 3)
        from (select row_number() over () as i, id, number, total, paid_at from orders where status in ('paid', 'cancelled', 'refunded') and cardinality(flags) = 0) o,
             -- One order in 18 also has a staff resend of its email: about 3,000,000 notifications in all.
             generate_series(1, case when o.i % 18 = 0 then 4 else 3 end) k,
             lateral (select case when o.i % 211 = 5 and k = 2 then 'failed' when o.i % 997 = 3 then 'pending' when k = 3 then 'sent' when o.i % 4 = 0 then 'sent' else 'delivered' end as status) st`),
  );
  await step("delivery attempts", () =>
    sql.unsafe(`
      insert into delivery_attempts (notification_id, channel_id, number, started_at, finished_at, outcome, http_status, error, latency_ms)
      select id, channel_id, 1, rendered_at, coalesce(sent_at, updated_at), case when status = 'failed' then 'permanent' else 'success' end,
             case when status = 'failed' then 400 else 200 end, last_error, 180
        from notifications where status <> 'pending'`),
  );
  await step("resent messages superseded", () => sql.unsafe(`update notifications n set superseded_at = r.created_at from notifications r where r.resend_of_id = n.id`));
  await step("order confirmation and first send", () =>
    sql.unsafe(`
      update orders o set confirmation = s.state, first_sent_at = s.first_sent
        from (select order_id,
                     case when bool_or(status = 'delivered') then 'delivered' when bool_or(status = 'sent') then 'sent'
                          when bool_or(status in ('pending', 'sending')) then 'pending' when bool_or(status = 'failed') then 'failed' else 'none' end as state,
                     min(sent_at) as first_sent
                from notifications group by order_id) s
       where s.order_id = o.id`),
  );
  await sql`set session_replication_role = origin`;
  await step("vacuum analyze", () => sql.unsafe(`vacuum analyze`));
  const [size] = await sql`select pg_size_pretty(pg_database_size(current_database())) as size`;
  console.log(`Done: ${name} is ${size!.size}.`);
  await sql.end();
  await connection.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
