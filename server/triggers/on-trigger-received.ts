import type { Db } from "@/db/client";
import { appDispatchLoop } from "../background/background-work";
import { runDispatchPass } from "../dispatch/run-dispatch-pass";
import { processInboundEvent } from "./process-inbound-event";

/**
 * What follows an accepted trigger once the platform has its answer: build the order and its
 * notifications, then send what is due at once — by waking this process's dispatcher, or, when the app
 * leaves dispatching to workers, with one time-boxed pass here.
 */
export async function onTriggerReceived(db: Db, eventId: string): Promise<void> {
  try {
    const outcome = await processInboundEvent(db, eventId);
    if (outcome !== "accepted") return;
    const loop = appDispatchLoop();
    if (loop?.isRunning) loop.kick();
    else await runDispatchPass(db, { maxDurationMs: 10_000 });
  } catch (error) {
    // processInboundEvent records its own failures; this only guards the response lifecycle.
    console.error(`After-response work for inbound event ${eventId} failed:`, error);
  }
}
