import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { flows, notifications, orders } from "@/db/schema";
import { createChannel } from "../../channel-management/manage-channels";
import { createFlow } from "../../flows/manage-flows";
import { ingestOrderEvent } from "../../orders/ingest-order-event";
import type { OrderEvent } from "../../orders/order-event";
import { createSource } from "../../sources/manage-sources";
import { seedDefaults } from "../../startup/seed-defaults";
import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from "../../testing/fake-http-server";

export const resendKey = "re_test_dispatch_key";

/** A Resend-shaped fake that answers from a script, one entry per request (then success), recording each. */
export async function scriptedResend(script: FakeResponse[] = []): Promise<FakeHttpServer & { keys: string[] }> {
  const keys: string[] = [];
  const server = await startFakeHttpServer((request) => {
    if (request.headers.authorization !== `Bearer ${resendKey}`) return { status: 403, body: { statusCode: 403, message: "API key is invalid", name: "invalid_api_key" } };
    keys.push(String(request.headers["idempotency-key"]));
    const next = script.shift();
    return next ?? { status: 200, body: { id: `re_msg_${keys.length}` } };
  });
  return Object.assign(server, { keys });
}

export const resendError = (status: number, name: string, headers?: Record<string, string>): FakeResponse => ({ status, headers, body: { statusCode: status, message: `${name} (scripted)`, name } });

function paidEvent(externalId: string, email = "ada@customer.example"): OrderEvent {
  return {
    externalId,
    number: `#${externalId.slice(-6)}`,
    paymentStatus: "paid",
    currency: "EUR",
    items: [{ name: "Linen apron", variant: "Natural", sku: "LA-1", quantity: 2, unitPrice: 1900, lineTotal: 3800 }],
    subtotal: 3800,
    discountTotal: 0,
    taxTotal: 0,
    shippingTotal: 500,
    total: 4300,
    customer: { name: "Ada Lovelace", email, phone: "+4915112345678" },
    shippingAddress: { country: "DE", city: "Berlin" },
  };
}

/**
 * A source, a Resend channel pointed at `baseUrl`, a flow for that source only (Resend, then the sandbox
 * email channel as fallback), and `count` paid orders with their pending notifications.
 */
export async function setUpDispatch(db: Db, options: { baseUrl: string; count?: number; timeoutMs?: number; maxAttempts?: number; ratePerSecond?: number; email?: string }) {
  await seedDefaults(db);
  // The default flow would add its own messages to every order: these tests look at one chain only.
  await db.update(flows).set({ enabled: false }).where(eq(flows.name, "Customer order confirmation"));
  const { source } = await createSource(db, null, { kind: "pos", name: `Dispatch ${Math.random()}` });
  const channel = await createChannel(db, null, {
    provider: "resend",
    name: `Resend ${Math.random().toString(36).slice(2, 7)}`,
    credentials: { apiKey: resendKey },
    config: { fromAddress: "orders@shop.example", fromName: "Shop" },
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 2000,
    maxAttempts: options.maxAttempts ?? 8,
    ratePerSecond: options.ratePerSecond ?? 1000,
    maxConcurrency: 20,
  });
  const { listChannels } = await import("../../channel-management/manage-channels");
  const sandboxEmail = (await listChannels(db)).find((candidate) => candidate.name === "Sandbox email")!;
  await createFlow(db, null, { name: `Chain ${channel.name}`, trigger: "order_paid", conditions: { sourceIds: [source.id] }, steps: [{ channelIds: [channel.id, sandboxEmail.id] }] });
  const orderIds: string[] = [];
  for (let index = 0; index < (options.count ?? 1); index++) {
    const result = await ingestOrderEvent(db, { sourceId: source.id, trigger: "order_paid", event: paidEvent(`${source.id.slice(0, 8)}-${index}-${Math.random().toString(36).slice(2, 8)}`, options.email) });
    orderIds.push(result.orderId);
  }
  return { source, channel, sandboxEmail, orderIds };
}

export async function notificationsOf(db: Db, orderId: string) {
  const { asc } = await import("drizzle-orm");
  return db.select().from(notifications).where(eq(notifications.orderId, orderId)).orderBy(asc(notifications.createdAt));
}

/** Makes every pending notification due now (instead of waiting out a backoff in a test). */
export async function makeDue(db: Db) {
  await db.update(notifications).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(notifications.status, "pending"));
}

export { orders };
