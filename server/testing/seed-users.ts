import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { UserRole } from "@/lib/roles";
import { hashPassword } from "@/server/auth/password";

/** Inserts a user with a known password for a test, with a unique email so tests never collide. */
export async function seedUser(db: Db, role: UserRole, overrides: { email?: string; password?: string; disabled?: boolean } = {}) {
  const email = overrides.email ?? `${role}-${randomBytes(4).toString("hex")}@test.example`;
  const password = overrides.password ?? "correct horse battery staple";
  const [user] = await db
    .insert(users)
    .values({ email, name: role, role, passwordHash: await hashPassword(password), disabled: overrides.disabled ?? false })
    .returning();
  return { ...user!, password };
}
