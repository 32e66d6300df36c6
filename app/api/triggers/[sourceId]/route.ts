import { after } from "next/server";
import { getDb } from "@/server/database";
import { onTriggerReceived } from "@/server/triggers/on-trigger-received";
import { receiveTrigger } from "@/server/triggers/receive-trigger";

export const dynamic = "force-dynamic";

/** A platform posts an order event here. Verified and stored before the answer; processed after it. */
export async function POST(request: Request, { params }: { params: Promise<{ sourceId: string }> }) {
  const { sourceId } = await params;
  const db = await getDb();
  const answer = await receiveTrigger(db, sourceId, request);
  const eventId = answer.processEventId;
  if (eventId) after(() => onTriggerReceived(db, eventId));
  return Response.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });
}
