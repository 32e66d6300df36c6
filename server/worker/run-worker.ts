import { migrateDatabase } from "@/db/migrate";
import { getDatabase } from "../database";
import { DispatchLoop } from "../dispatch/dispatch-loop";
import { env } from "../env";

export class WorkerRefusedError extends Error {}

/**
 * `npm run worker`: a long-running dispatcher for PostgreSQL. Wakes on LISTEN/NOTIFY when a trigger queues
 * messages, polls as a fallback, and on SIGTERM or SIGINT lets in-flight sends finish and gives back what it
 * claimed but had not sent, then exits. Any number of workers (and app instances) can run at once.
 */
export async function runWorker(options: { pollMs?: number; concurrency?: number; log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) {
    throw new WorkerRefusedError(
      "npm run worker needs PostgreSQL: set DATABASE_URL. With the embedded database only one process may open the data folder, so the app runs the dispatcher itself — there is nothing for a worker to do.",
    );
  }
  const connection = await getDatabase();
  await migrateDatabase(connection, DATABASE_URL);
  const workerId = `worker-${process.pid}`;
  const loop = new DispatchLoop(connection, {
    workerId,
    pollMs: options.pollMs ?? 5_000,
    concurrency: options.concurrency,
    onPass: (counts) => log(JSON.stringify({ worker: workerId, ...counts })),
  });
  await loop.start();
  log(`Orderbell worker ${workerId} dispatching; stop it with SIGTERM or Ctrl-C.`);
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve());
  });
  log(`Worker ${workerId} stopping: finishing in-flight sends and giving back claimed messages…`);
  await loop.stop();
  await connection.close();
  log(`Worker ${workerId} stopped.`);
}
