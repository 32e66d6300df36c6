import { count, desc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, notifications, orders, sources, users } from "@/db/schema";
import type { UserRole } from "@/lib/roles";
import { getStore } from "../settings/store-settings";

export type Overview = {
  storeName: string;
  timezone: string;
  currency: string;
  defaultLocale: string;
  team: Record<UserRole, number>;
  recentActivity: Array<{ id: number; at: Date; actorEmail: string | null; action: string; details: Record<string, unknown> }>;
  sources: number;
  orders: { total: number; heldBack: number; last24h: number };
  messages: Record<"pending" | "sent" | "delivered" | "failed", number>;
};

export async function getOverview(db: Db): Promise<Overview> {
  const store = await getStore(db);
  const roleCounts = await db.select({ role: users.role, total: count() }).from(users).groupBy(users.role);
  const team: Record<UserRole, number> = { admin: 0, manager: 0, agent: 0 };
  for (const row of roleCounts) team[row.role] = row.total;
  const recentActivity = await db
    .select({ id: auditLog.id, at: auditLog.at, actorEmail: auditLog.actorEmail, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(5);
  const [[sourceCount], [orderCounts], messageCounts] = await Promise.all([
    db.select({ total: count() }).from(sources),
    db
      .select({
        total: count(),
        heldBack: sql<number>`count(*) filter (where cardinality(${orders.flags}) > 0)`.mapWith(Number),
        last24h: sql<number>`count(*) filter (where ${orders.createdAt} > now() - interval '24 hours')`.mapWith(Number),
      })
      .from(orders),
    db.select({ status: notifications.status, total: count() }).from(notifications).groupBy(notifications.status),
  ]);
  const messages = { pending: 0, sent: 0, delivered: 0, failed: 0 };
  for (const row of messageCounts) {
    if (row.status === "sending") messages.pending += row.total;
    else if (row.status in messages) messages[row.status as keyof typeof messages] += row.total;
  }
  return {
    sources: sourceCount?.total ?? 0,
    orders: { total: orderCounts?.total ?? 0, heldBack: orderCounts?.heldBack ?? 0, last24h: orderCounts?.last24h ?? 0 },
    messages,
    storeName: store.name,
    timezone: store.timezone,
    currency: store.currency,
    defaultLocale: store.defaultLocale,
    team,
    recentActivity,
  };
}
