import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottle } from "@/db/schema";

/**
 * Sign-in throttling. Failures are counted per email and per client address in a window; past the
 * limit, sign-in for that key is refused until the lock expires, whatever password is given. The
 * per-address limit is higher so one office sharing an address is not locked out by one person.
 */
export const throttlePolicy = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxFailuresPerEmail: 5,
  maxFailuresPerAddress: 25,
};

export type ThrottleKeys = { email: string; address: string | null };

function keysOf({ email, address }: ThrottleKeys) {
  const keys = [{ key: `email:${email.toLowerCase()}`, max: throttlePolicy.maxFailuresPerEmail }];
  if (address) keys.push({ key: `ip:${address}`, max: throttlePolicy.maxFailuresPerAddress });
  return keys;
}

/** When the caller may try again, or null when not throttled. */
export async function throttledUntil(db: Db, keys: ThrottleKeys, now = new Date()): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keysOf(keys).map((entry) => entry.key)));
  const locks = rows.map((row) => row.lockedUntil).filter((until): until is Date => !!until && until > now);
  return locks.length ? new Date(Math.max(...locks.map((until) => until.getTime()))) : null;
}

/** Counts one failure against each key, atomically, and locks the keys that reach their limit. */
export async function recordSignInFailure(db: Db, keys: ThrottleKeys, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - throttlePolicy.windowMs);
  const lockUntil = new Date(now.getTime() + throttlePolicy.lockMs);
  for (const { key, max } of keysOf(keys)) {
    const fresh = sql`${signInThrottle.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
    const failures = sql`case when ${fresh} then 1 else ${signInThrottle.failures} + 1 end`;
    await db
      .insert(signInThrottle)
      .values({ key, failures: 1, windowStartedAt: now, lockedUntil: max <= 1 ? lockUntil : null })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures,
          windowStartedAt: sql`case when ${fresh} then ${now.toISOString()}::timestamptz else ${signInThrottle.windowStartedAt} end`,
          lockedUntil: sql`case when ${failures} >= ${max} then ${lockUntil.toISOString()}::timestamptz else ${signInThrottle.lockedUntil} end`,
        },
      });
  }
}

/** A successful sign-in forgets the failures for that email (the address keeps its count). */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, [`email:${email.toLowerCase()}`]));
}
