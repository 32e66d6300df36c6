import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { DomainError } from "../errors";

/**
 * Locks every admin row, always in id order. Each change that could remove an admin takes this lock
 * first, so two admins demoting each other at the same moment queue up instead of deadlocking, and
 * the second one sees the first one's result.
 */
export async function lockAdmins(tx: Tx): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).orderBy(users.id).for("update");
}

/** Refuses a change that would leave no enabled admin. Call after lockAdmins in the same transaction. */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string, change: string): Promise<void> {
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, userId)));
  if (others.length === 0) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `This is the last admin: ${change} would lock everyone out of users and settings. Make another user admin first.`,
    );
  }
}
