import { count, desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, orders, sources, users } from "@/db/schema";
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
  /** Whether any order arrived yet: the counts per period are the delivery stats' business. */
  hasOrders: boolean;
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
  // Cheap at any size: an existence check, not a count of every order or message.
  const [[sourceCount], [anyOrder]] = await Promise.all([db.select({ total: count() }).from(sources), db.select({ id: orders.id }).from(orders).limit(1)]);
  return {
    sources: sourceCount?.total ?? 0,
    hasOrders: Boolean(anyOrder),
    storeName: store.name,
    timezone: store.timezone,
    currency: store.currency,
    defaultLocale: store.defaultLocale,
    team,
    recentActivity,
  };
}
