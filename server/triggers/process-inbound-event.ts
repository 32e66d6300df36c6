import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type InboundEvent, inboundEvents, sources } from "@/db/schema";
import { applyStatusChange } from "../orders/apply-status-change";
import { ingestOrderEvent } from "../orders/ingest-order-event";
import { flagDescriptions } from "../orders/order-flags";
import { parseJsonLossless } from "../sources/parse-json";
import { adapterFor } from "../sources/registry";
import { openSourceSecrets } from "../sources/source-secrets";

const leaseMs = 60_000;
export const maxProcessingAttempts = 10;

export type ProcessOptions = { fetch?: typeof fetch; apiTimeoutMs?: number; now?: Date };

/** Takes the event for processing, unless another process holds it or it is already done. */
async function claim(db: Db, eventId: string, now: Date): Promise<InboundEvent | null> {
  const [event] = await db
    .update(inboundEvents)
    .set({ processingLockedUntil: new Date(now.getTime() + leaseMs), processingAttempts: sql`${inboundEvents.processingAttempts} + 1` })
    .where(
      and(
        eq(inboundEvents.id, eventId),
        eq(inboundEvents.outcome, "received"),
        or(isNull(inboundEvents.processingLockedUntil), lt(inboundEvents.processingLockedUntil, now)),
      ),
    )
    .returning();
  return event ?? null;
}

async function finish(db: Db, eventId: string, outcome: InboundEvent["outcome"], reason: string | null, orderId: string | null = null) {
  await db
    .update(inboundEvents)
    .set({ outcome, reason, orderId, processedAt: new Date(), processingLockedUntil: null })
    .where(eq(inboundEvents.id, eventId));
}

/**
 * The half of a trigger that runs after the answer: normalise (which may call the platform's API), then
 * store the order and plan its notifications. A failure leaves the event "received" with the reason, to
 * be retried by processPendingInboundEvents; nothing accepted is dropped.
 */
export async function processInboundEvent(db: Db, eventId: string, options: ProcessOptions = {}): Promise<InboundEvent["outcome"] | null> {
  const now = options.now ?? new Date();
  const event = await claim(db, eventId, now);
  if (!event || !event.sourceId) return null;
  try {
    const [source] = await db.select().from(sources).where(eq(sources.id, event.sourceId));
    if (!source) throw new Error("the source was deleted");
    const adapter = adapterFor(source.kind);
    const secrets = openSourceSecrets(source.id, source.secretsEncrypted);
    const config = source.config as { apiBaseUrl?: string };
    let payload: unknown;
    try {
      payload = parseJsonLossless(event.payload);
    } catch (error) {
      await finish(db, eventId, "rejected", `malformed JSON: ${(error as Error).message}`);
      return "rejected";
    }
    const result = await adapter.normalise(payload, {
      topic: event.topic,
      secrets,
      config: source.config,
      api: { fetch: options.fetch ?? fetch, apiBaseUrl: config.apiBaseUrl, timeoutMs: options.apiTimeoutMs ?? 10_000 },
    });
    if (result.kind === "invalid") {
      await finish(db, eventId, "rejected", result.reason);
      return "rejected";
    }
    if (result.kind === "ignored") {
      await finish(db, eventId, "ignored", result.reason);
      return "ignored";
    }
    if (result.kind === "status_change") {
      const applied = await applyStatusChange(db, { sourceId: source.id, externalId: result.externalId, trigger: result.trigger });
      if (applied.kind === "unknown_order") {
        await finish(db, eventId, "ignored", `no order ${result.externalId} from this source to mark ${result.trigger === "order_refunded" ? "refunded" : "cancelled"}`);
        return "ignored";
      }
      const reason = [...(result.notes ?? []), `${applied.cancelled} pending notification(s) cancelled`].join("; ");
      await finish(db, eventId, "accepted", reason, applied.orderId);
      return "accepted";
    }
    const ingested = await ingestOrderEvent(db, { sourceId: source.id, trigger: result.trigger, event: result.event });
    const held = ingested.flags.map((flag) => `${flag}: ${flagDescriptions[flag]}`);
    const reason = [...held, ...(result.notes ?? []), ...ingested.notes].join("; ") || null;
    const outcome = held.length ? "flagged" : "accepted";
    await finish(db, eventId, outcome, reason, ingested.orderId);
    return outcome;
  } catch (error) {
    const attempts = event.processingAttempts;
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = attempts >= maxProcessingAttempts;
    await db
      .update(inboundEvents)
      .set({
        outcome: giveUp ? "rejected" : "received",
        reason: `processing failed (attempt ${attempts}${giveUp ? ", giving up: replay it after fixing the cause" : ", will retry"}): ${message}`,
        processingLockedUntil: giveUp ? null : new Date(now.getTime() + Math.min(leaseMs * 2 ** attempts, 3_600_000)),
      })
      .where(eq(inboundEvents.id, eventId));
    console.error(`Processing inbound event ${eventId} failed:`, error);
    return null;
  }
}

/** Retries events that were received but not processed (a crash after the answer, a failed API call). */
export async function processPendingInboundEvents(db: Db, options: ProcessOptions & { limit?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db
    .select({ id: inboundEvents.id })
    .from(inboundEvents)
    .where(and(eq(inboundEvents.outcome, "received"), or(isNull(inboundEvents.processingLockedUntil), lt(inboundEvents.processingLockedUntil, now))))
    .orderBy(asc(inboundEvents.receivedAt))
    .limit(options.limit ?? 100);
  let processed = 0;
  for (const { id } of due) if (await processInboundEvent(db, id, options)) processed++;
  return processed;
}
