import { eq } from "drizzle-orm";
import { notifications } from "../db/schema";
import { runDispatchPass } from "../server/dispatch/run-dispatch-pass";
import { scriptedResend, setUpDispatch } from "../server/dispatch/testing/dispatch-fixtures";
import { type BenchDatabase, rate } from "./bench-database";

/**
 * Dispatch: N notifications sent through the Resend adapter to a local fake over real HTTP (answering in
 * ~5 ms, like a fast provider). Measured one at a time (batch 1, concurrency 1: the baseline) and the way
 * the dispatcher runs by default (batches of 50, 8 in flight).
 */
export async function measureDispatch(database: BenchDatabase, count: number) {
  const { db } = database;
  const fake = await scriptedResend(Array.from({ length: count * 2 }, (_, index) => ({ status: 200, body: { id: `bench-${index}` }, delayMs: 5 })));
  try {
    const { channel, orderIds } = await setUpDispatch(db, { baseUrl: fake.url, count: 1, ratePerSecond: 10_000 });
    const orderId = orderIds[0]!;
    const queue = async (prefix: string) => {
      await db.delete(notifications).where(eq(notifications.orderId, orderId));
      const rows = Array.from({ length: count }, (_, index) => ({ orderId, channelId: channel.id, idempotencyKey: `${prefix}-${index}`, nextAttemptAt: new Date(Date.now() - 1000) }));
      for (let start = 0; start < rows.length; start += 500) await db.insert(notifications).values(rows.slice(start, start + 500));
    };

    await queue("serial");
    let started = performance.now();
    const serial = await runDispatchPass(db, { workerId: "bench-serial", batchSize: 1, concurrency: 1 });
    const serialMs = performance.now() - started;

    await queue("batched");
    started = performance.now();
    const batched = await runDispatchPass(db, { workerId: "bench-batched", batchSize: 50, concurrency: 8 });
    const batchedMs = performance.now() - started;

    if (serial.sent !== count || batched.sent !== count) throw new Error(`expected ${count} sends each, got ${serial.sent} and ${batched.sent}`);
    return { serialPerSecond: rate(count, serialMs), batchedPerSecond: rate(count, batchedMs) };
  } finally {
    await fake.close();
  }
}
