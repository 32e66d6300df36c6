import type { DatabaseConnection } from "@/db/client";
import { DispatchLoop } from "../dispatch/dispatch-loop";

const holder = globalThis as typeof globalThis & { __orderbellDispatchLoop?: DispatchLoop };

/**
 * The dispatcher inside the app process. With the embedded database it is the only dispatcher there can be
 * (one process per data folder); with PostgreSQL it runs beside any `npm run worker` processes, and
 * DISPATCH_IN_APP=false leaves dispatching to the workers and the cron route.
 */
export async function startBackgroundWork(connection: DatabaseConnection): Promise<void> {
  if (holder.__orderbellDispatchLoop) return;
  const loop = new DispatchLoop(connection, { workerId: `app-${process.pid}` });
  holder.__orderbellDispatchLoop = loop;
  await loop.start();
}

/** The running in-app loop, if any: kicked right after a trigger so its messages go out at once. */
export function appDispatchLoop(): DispatchLoop | null {
  return holder.__orderbellDispatchLoop ?? null;
}

export async function stopBackgroundWork(): Promise<void> {
  const loop = holder.__orderbellDispatchLoop;
  holder.__orderbellDispatchLoop = undefined;
  await loop?.stop();
}
