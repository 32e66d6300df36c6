import { filtersFromParams } from "@/lib/orders/order-filters";
import { recordAudit } from "@/server/audit/record-audit";
import { getSessionUser } from "@/server/auth/session";
import { getDb } from "@/server/database";
import { exportOrdersCsv } from "@/server/orders/export-orders-csv";

export const dynamic = "force-dynamic";

/**
 * The orders list as CSV, for signed-in staff: the list's search and filters as query parameters
 * (q, status, source, channel, from, to, and confirmation, flag, attention, customer), streamed.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  const db = await getDb();
  const parsed = filtersFromParams(new URL(request.url).searchParams);
  if (!parsed.ok) {
    await recordAudit(db, user, { action: "orders.export_refused", targetType: "orders", details: { reason: parsed.error } });
    return Response.json({ error: parsed.error }, { status: 400 });
  }
  const stream = await exportOrdersCsv(db, user, parsed.filters);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
