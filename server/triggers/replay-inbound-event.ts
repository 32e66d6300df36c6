import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundEvents, sources } from "@/db/schema";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import { isReplayable } from "./list-inbound-events";
import { type ProcessOptions, processInboundEvent } from "./process-inbound-event";

/**
 * Runs a stored event through processing again, after an admin fixed what made it fail or held it back
 * (a wrong secret, the default country, a disabled source…). The signature is not checked again: its
 * headers are never stored, and an admin replaying it vouches for the payload. The replay is a new
 * inbound event pointing at the original; the order it touches is still unique per source + id, so a
 * replay never makes a second order or a second set of notifications.
 */
export async function replayInboundEvent(db: Db, actor: Actor, eventId: string, options: ProcessOptions = {}) {
  const [original] = await db.select().from(inboundEvents).where(eq(inboundEvents.id, eventId));
  if (!original) throw new DomainError("NOT_FOUND", "No such inbound event.");
  if (!isReplayable(original.outcome, original.sourceId)) {
    throw new DomainError("PRECONDITION_FAILED", original.sourceId ? `A ${original.outcome} event cannot be replayed.` : "This request named no known source, so there is nothing to replay it into.");
  }
  const [source] = await db.select().from(sources).where(eq(sources.id, original.sourceId!));
  if (!source?.enabled) throw new DomainError("PRECONDITION_FAILED", "Enable the source first: a disabled source takes no events.");

  const id = randomUUID();
  await db.insert(inboundEvents).values({
    id,
    sourceId: original.sourceId,
    externalEventId: original.externalEventId,
    topic: original.topic,
    signatureVerdict: "not_checked",
    outcome: "received",
    reason: null,
    httpStatus: 200,
    headers: original.headers,
    payload: original.payload,
    replayOfId: original.id,
  });
  await recordAudit(db, actor, { action: "inbound_event.replayed", targetType: "inbound_event", targetId: original.id, details: { replay: id, source: source.name, topic: original.topic } });
  const outcome = await processInboundEvent(db, id, options);
  const [replayed] = await db.select().from(inboundEvents).where(eq(inboundEvents.id, id));
  return { id, outcome: outcome ?? replayed?.outcome ?? "received", reason: replayed?.reason ?? null, orderId: replayed?.orderId ?? null };
}
