import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { type TestDatabase, createTestDatabase, testDrivers } from "../testing/test-database";
import { scriptedResend, setUpDispatch } from "./testing/dispatch-fixtures";

const root = path.resolve(import.meta.dirname, "..", "..");
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  while (cleanups.length) await cleanups.pop()!();
});

function run(script: string, args: string[], databaseUrl: string | undefined) {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", path.join(root, "scripts/register-server-only.mjs"), path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl ?? "", DATA_DIR: path.join(root, ".test-data", `proc-${process.pid}-${children.length}`) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.on("exit", (code) => resolve({ code, output })));
  return { child, exited, output: () => output };
}

/** Queues `count` notifications for one order on the Resend channel, each with its own idempotency key. */
async function queue(database: TestDatabase, channelId: string, orderId: string, count: number, prefix: string) {
  const rows = Array.from({ length: count }, (_, index) => ({ orderId, channelId, idempotencyKey: `${prefix}-${index}`, nextAttemptAt: new Date(Date.now() - 1000) }));
  for (let start = 0; start < rows.length; start += 500) await database.db.insert(notifications).values(rows.slice(start, start + 500));
}

it("the worker refuses to run on the embedded database, with a clear message", async () => {
  const worker = run("server/worker/index.ts", [], undefined);
  const { code, output } = await worker.exited;
  expect(code).toBe(2);
  expect(output).toMatch(/needs PostgreSQL: set DATABASE_URL/);
});

// Several processes sharing one database is what PostgreSQL is for; PGlite allows one process per folder
// (tested above and in db/data-dir-lock.test.ts). These run in the PostgreSQL pass (DATABASE_URL set).
describe.runIf(testDrivers().includes("postgres"))("dispatch across processes [postgres]", () => {
  it("four dispatcher processes drain 2,000 notifications, each sent exactly once", { timeout: 240_000 }, async () => {
    const database = await createTestDatabase("postgres");
    cleanups.push(() => database.close());
    const resend = await scriptedResend();
    cleanups.push(resend.close);
    const { channel, orderIds } = await setUpDispatch(database.db, { baseUrl: resend.url });
    await queue(database, channel.id, orderIds[0]!, 1999, "load"); // + the one the flow planned = 2,000
    const processes = Array.from({ length: 4 }, () => run("server/cli/index.ts", ["dispatch", "--json", "--concurrency", "8"], database.url));
    const results = await Promise.all(processes.map((proc) => proc.exited));
    for (const result of results) expect(result.code, result.output).toBe(0);
    const sentByProcess = results.map((result) => JSON.parse(result.output.slice(result.output.indexOf("{"))).sent as number);
    expect(sentByProcess.reduce((sum, sent) => sum + sent, 0)).toBe(2000);
    expect(sentByProcess.filter((sent) => sent > 0).length).toBeGreaterThan(1);
    const perKey = new Map<string, number>();
    for (const key of resend.keys) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    expect(perKey.size).toBe(2000);
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);
    const statuses = await database.query<{ status: string; count: number }>("select status, count(*)::int as count from notifications group by status");
    expect(statuses).toEqual([{ status: "sent", count: 2000 }]);
  });

  it("a worker stopped with SIGTERM mid-batch loses nothing: in-flight sends finish, the rest is given back", { timeout: 120_000 }, async () => {
    const database = await createTestDatabase("postgres");
    cleanups.push(() => database.close());
    // Every answer takes 200 ms, so the worker is mid-batch when it is told to stop.
    const slowScript = Array.from({ length: 400 }, () => ({ status: 200, body: { id: "slow" }, delayMs: 200 }));
    const resend = await scriptedResend(slowScript.map((reply, index) => ({ ...reply, body: { id: `slow-${index}` } })));
    cleanups.push(resend.close);
    const { channel, orderIds } = await setUpDispatch(database.db, { baseUrl: resend.url });
    await queue(database, channel.id, orderIds[0]!, 299, "term");
    const worker = run("server/worker/index.ts", [], database.url);
    await expect.poll(() => resend.keys.length, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(20);
    worker.child.kill("SIGTERM");
    const { code, output } = await worker.exited;
    expect(code, output).toBe(0);
    expect(output).toMatch(/stopped/);

    const afterStop = await database.query<{ status: string; count: number; locked: number }>(
      "select status, count(*)::int as count, count(locked_until)::int as locked from notifications group by status order by status",
    );
    // Nothing is left claimed: every row is either recorded as sent or back to pending, free for others.
    expect(afterStop.find((row) => row.status === "sending")).toBeUndefined();
    expect(afterStop.reduce((sum, row) => sum + row.locked, 0)).toBe(0);
    const sentBeforeStop = afterStop.find((row) => row.status === "sent")?.count ?? 0;
    expect(sentBeforeStop).toBe(new Set(resend.keys).size);
    expect(sentBeforeStop).toBeLessThan(300);

    const drain = run("server/cli/index.ts", ["dispatch", "--json"], database.url);
    expect((await drain.exited).code).toBe(0);
    const perKey = new Map<string, number>();
    for (const key of resend.keys) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    expect(perKey.size).toBe(300);
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);
  });
});
