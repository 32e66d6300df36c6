import type { Db } from "@/db/client";
import { processInboundEvent } from "./process-inbound-event";

/** What follows an accepted trigger once the platform has its answer: build the order and its notifications. */
export async function onTriggerReceived(db: Db, eventId: string): Promise<void> {
  try {
    await processInboundEvent(db, eventId);
  } catch (error) {
    // processInboundEvent records its own failures; this only guards the response lifecycle.
    console.error(`After-response work for inbound event ${eventId} failed:`, error);
  }
}
