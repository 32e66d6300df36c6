import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { users, type User } from "@/db/schema";
import type { UserRole } from "@/lib/roles";
import { passwordSchema } from "@/lib/validation/users";
import { type Actor, recordAudit } from "../audit/record-audit";
import { generatePassword, hashPassword } from "../auth/password";
import { DomainError } from "../errors";
import { assertAnotherActiveAdmin, lockAdmins } from "./last-admin-guard";

async function lockUser(tx: Tx, userId: string): Promise<User> {
  await lockAdmins(tx);
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new DomainError("NOT_FOUND", "No such user.");
  return user;
}

export async function setUserRole(db: Db, actor: Actor, userId: string, role: UserRole): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.role === role) return;
    if (user.role === "admin" && !user.disabled) await assertAnotherActiveAdmin(tx, userId, "demoting them");
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, actor, { action: "user.role_changed", targetType: "user", targetId: userId, details: { email: user.email, from: user.role, to: role } });
  });
}

export async function setUserDisabled(db: Db, actor: Actor, userId: string, disabled: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.disabled === disabled) return;
    if (disabled && actor?.id === userId) throw new DomainError("PRECONDITION_FAILED", "You cannot disable your own account.");
    if (disabled && user.role === "admin") await assertAnotherActiveAdmin(tx, userId, "disabling them");
    const now = new Date();
    await tx
      .update(users)
      .set({ disabled, updatedAt: now, ...(disabled ? { sessionsValidAfter: now } : {}) })
      .where(eq(users.id, userId));
    await recordAudit(tx, actor, { action: disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: userId, details: { email: user.email } });
  });
}

/** Sets a new password (or generates one, returned once) and signs the user out everywhere. */
export async function resetUserPassword(db: Db, actor: Actor, userId: string, password?: string): Promise<{ generatedPassword: string | null }> {
  const chosen = password === undefined ? undefined : passwordSchema.parse(password);
  const generatedPassword = chosen === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(chosen ?? generatedPassword!);
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    const now = new Date();
    await tx.update(users).set({ passwordHash, sessionsValidAfter: now, updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(tx, actor, { action: "user.password_reset", targetType: "user", targetId: userId, details: { email: user.email, generated: generatedPassword !== null } });
  });
  return { generatedPassword };
}
