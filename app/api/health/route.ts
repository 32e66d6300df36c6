import { checkHealth } from "@/server/health/check-health";

export const dynamic = "force-dynamic";

/** Database reachability and the applied migration, for load balancers and uptime checks. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
