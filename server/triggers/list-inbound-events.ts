import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { inboundEventOutcomes } from "@/lib/inbound-event-outcomes";
import { inboundEvents, orders, sources } from "@/db/schema";
import { offsetOf, pageOf } from "@/lib/pagination";
import { DomainError } from "../errors";

export const listInboundEventsInput = z.object({
  outcome: z.enum(inboundEventOutcomes).optional(),
  sourceId: z.uuid().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export async function listInboundEvents(db: Db, input: z.input<typeof listInboundEventsInput>) {
  const { outcome, sourceId, page, pageSize } = listInboundEventsInput.parse(input);
  const filters: SQL[] = [];
  if (outcome) filters.push(eq(inboundEvents.outcome, outcome));
  if (sourceId) filters.push(eq(inboundEvents.sourceId, sourceId));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: inboundEvents.id,
        receivedAt: inboundEvents.receivedAt,
        sourceId: inboundEvents.sourceId,
        sourceName: sources.name,
        sourceKind: sources.kind,
        topic: inboundEvents.topic,
        outcome: inboundEvents.outcome,
        reason: inboundEvents.reason,
        httpStatus: inboundEvents.httpStatus,
        orderId: inboundEvents.orderId,
        orderNumber: orders.number,
      })
      .from(inboundEvents)
      .leftJoin(sources, eq(sources.id, inboundEvents.sourceId))
      .leftJoin(orders, eq(orders.id, inboundEvents.orderId))
      .where(where)
      .orderBy(desc(inboundEvents.receivedAt), desc(inboundEvents.id))
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
    db.select({ total: count() }).from(inboundEvents).where(where),
  ]);
  return pageOf(rows, totals?.total ?? 0, page, pageSize);
}

export async function getInboundEvent(db: Db, id: string) {
  const [row] = await db
    .select({ event: inboundEvents, sourceName: sources.name, sourceKind: sources.kind, orderNumber: orders.number })
    .from(inboundEvents)
    .leftJoin(sources, eq(sources.id, inboundEvents.sourceId))
    .leftJoin(orders, eq(orders.id, inboundEvents.orderId))
    .where(eq(inboundEvents.id, id));
  if (!row) throw new DomainError("NOT_FOUND", "No such inbound event.");
  const { event, ...rest } = row;
  const { dedupeKey: _dedupeKey, processingLockedUntil: _lock, ...visible } = event;
  return { ...visible, ...rest, replayable: isReplayable(event.outcome, event.sourceId) };
}

export function isReplayable(outcome: string, sourceId: string | null): boolean {
  return sourceId !== null && (outcome === "rejected" || outcome === "flagged" || outcome === "ignored");
}
