import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { UserRole } from "@/lib/roles";
import { getDb } from "../database";
import { authOptions } from "./auth-options";

export type SessionUser = { id: string; email: string; name: string; role: UserRole };

declare module "next-auth" {
  interface Session {
    userId: string;
    /** Seconds since the epoch at which the session token was issued. */
    issuedAt: number;
  }
}

/**
 * The signed-in user, read fresh from the database on every request so that a disabled account, a new
 * role or a password reset takes effect at once rather than when the session token expires.
 */
export async function loadSessionUser(db: Db, userId: string, issuedAt: number): Promise<SessionUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabled) return null;
  if (issuedAt * 1000 + 999 < user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  if (!session?.userId) return null;
  return loadSessionUser(await getDb(), session.userId, session.issuedAt);
}
