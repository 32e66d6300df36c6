import type { Db } from "@/db/client";
import { processPendingInboundEvents } from "../triggers/process-inbound-event";

const holder = globalThis as typeof globalThis & { __orderbellBackground?: NodeJS.Timeout };

/**
 * Periodic work inside the app process: retrying inbound events whose processing failed or was cut short
 * (a crash after the answer). Started once per server process; safe with several instances, since each
 * event is claimed with a lease before it is processed.
 */
export function startBackgroundWork(db: Db, intervalMs = 30_000): void {
  if (holder.__orderbellBackground) return;
  const tick = async () => {
    try {
      await processPendingInboundEvents(db);
    } catch (error) {
      console.error("Background work failed:", error);
    }
  };
  void tick();
  holder.__orderbellBackground = setInterval(tick, intervalMs);
  holder.__orderbellBackground.unref();
}
