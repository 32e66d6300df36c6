// Schedule: every minute (e.g. `* * * * *` in your scheduler), with `Authorization: Bearer $CRON_SECRET`.
// Each call sends what is due for at most 25 seconds (?maxSeconds= up to 55) and answers the counts.
import { cronAuthorized } from "@/server/cron/cron-auth";
import { getDb } from "@/server/database";
import { runDispatchPass } from "@/server/dispatch/run-dispatch-pass";
import { env } from "@/server/env";
import { processPendingInboundEvents } from "@/server/triggers/process-inbound-event";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

async function handler(request: Request) {
  if (!cronAuthorized(request.headers.get("authorization"), env().CRON_SECRET)) {
    const reason = env().CRON_SECRET ? "missing or wrong bearer token" : "CRON_SECRET is not set on the server";
    return Response.json({ error: reason }, { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  const requested = Number(new URL(request.url).searchParams.get("maxSeconds") ?? 25);
  const maxSeconds = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), 55) : 25;
  const db = await getDb();
  const inbound = await processPendingInboundEvents(db);
  const counts = await runDispatchPass(db, { workerId: `cron-${crypto.randomUUID()}`, maxDurationMs: maxSeconds * 1000 });
  return Response.json({ ...counts, inboundEventsProcessed: inbound, duration: counts.durationMs }, { headers: { "cache-control": "no-store" } });
}

export { handler as GET, handler as POST };
