import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure, throttledUntil } from "./sign-in-throttle";

export type AuthenticateResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export const signInMessages = {
  invalid: "Wrong email or password.",
  disabled: "This account is disabled. Ask an admin to enable it.",
  throttled: (retryAt: Date, now = new Date()) => {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  },
};

/**
 * Checks an email and password. Throttled callers are refused before the password is looked at;
 * every outcome is written to the audit log with the client address.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; address: string | null },
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const keys = { email, address: input.address };
  const details = { email, address: input.address };

  const retryAt = await throttledUntil(db, keys);
  if (retryAt) {
    await recordAudit(db, null, { action: "auth.sign_in_throttled", targetType: "user", details });
    return { ok: false, reason: "throttled", retryAt };
  }

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);

  if (!user || !passwordOk) {
    await recordSignInFailure(db, keys);
    await recordAudit(db, null, { action: "auth.sign_in_failed", targetType: "user", targetId: user?.id, details });
    return { ok: false, reason: "invalid" };
  }
  if (user.disabled) {
    await recordAudit(db, { id: user.id, email: user.email }, { action: "auth.sign_in_refused_disabled", targetType: "user", targetId: user.id, details });
    return { ok: false, reason: "disabled" };
  }

  await clearSignInFailures(db, email);
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await recordAudit(db, { id: user.id, email: user.email }, { action: "auth.signed_in", targetType: "user", targetId: user.id, details });
  return { ok: true, user };
}
