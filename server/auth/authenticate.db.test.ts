import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { describeWithDatabase } from "../testing/test-database";
import { seedUser } from "../testing/seed-users";
import { authenticate } from "./authenticate";
import { loadSessionUser } from "./session";
import { recordSignInFailure, throttlePolicy, throttledUntil } from "./sign-in-throttle";

describeWithDatabase("sign-in", (database) => {
  it("accepts the right password, case-insensitively on the email, and records the sign-in", async () => {
    const { db } = database();
    const user = await seedUser(db, "agent");
    const result = await authenticate(db, { email: user.email.toUpperCase(), password: user.password, address: "203.0.113.1" });
    expect(result.ok).toBe(true);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "auth.signed_in"), eq(auditLog.targetId, user.id)));
    expect(entry?.details).toMatchObject({ email: user.email, address: "203.0.113.1" });
    const [stored] = await db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password and an unknown email the same way", async () => {
    const { db } = database();
    const user = await seedUser(db, "agent");
    expect(await authenticate(db, { email: user.email, password: "wrong password!!", address: null })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db, { email: "nobody@test.example", password: "whatever", address: null })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled user even with the right password", async () => {
    const { db } = database();
    const user = await seedUser(db, "manager", { disabled: true });
    expect(await authenticate(db, { email: user.email, password: user.password, address: null })).toEqual({ ok: false, reason: "disabled" });
  });

  it("throttles an email after repeated failures, even for the right password", async () => {
    const { db } = database();
    const user = await seedUser(db, "agent");
    for (let attempt = 0; attempt < throttlePolicy.maxFailuresPerEmail; attempt++) {
      const result = await authenticate(db, { email: user.email, password: `wrong-${attempt}`, address: `198.51.100.${attempt}` });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const result = await authenticate(db, { email: user.email, password: user.password, address: "198.51.100.99" });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toBe("throttled");
    const throttled = await db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_throttled"));
    expect(throttled.length).toBeGreaterThan(0);
  });

  it("throttles a client address that fails across many emails", async () => {
    const { db } = database();
    const address = "192.0.2.77";
    for (let attempt = 0; attempt < throttlePolicy.maxFailuresPerAddress; attempt++) {
      await authenticate(db, { email: `spray-${attempt}@test.example`, password: "guess", address });
    }
    const victim = await seedUser(db, "admin");
    const fromAttacker = await authenticate(db, { email: victim.email, password: victim.password, address });
    expect(fromAttacker.ok === false && fromAttacker.reason).toBe("throttled");
    const fromElsewhere = await authenticate(db, { email: victim.email, password: victim.password, address: "192.0.2.78" });
    expect(fromElsewhere.ok).toBe(true);
  });

  it("forgets an email's failures after a successful sign-in, and lets a lock expire", async () => {
    const { db } = database();
    const user = await seedUser(db, "agent");
    for (let attempt = 0; attempt < throttlePolicy.maxFailuresPerEmail - 1; attempt++) {
      await authenticate(db, { email: user.email, password: "nope", address: null });
    }
    expect((await authenticate(db, { email: user.email, password: user.password, address: null })).ok).toBe(true);
    expect(await authenticate(db, { email: user.email, password: "nope", address: null })).toEqual({ ok: false, reason: "invalid" });

    const keys = { email: "expiry@test.example", address: null };
    const start = new Date("2026-01-01T00:00:00Z");
    for (let attempt = 0; attempt < throttlePolicy.maxFailuresPerEmail; attempt++) await recordSignInFailure(db, keys, start);
    expect(await throttledUntil(db, keys, start)).toEqual(new Date(start.getTime() + throttlePolicy.lockMs));
    expect(await throttledUntil(db, keys, new Date(start.getTime() + throttlePolicy.lockMs + 1))).toBeNull();
  });

  it("ends sessions issued before a password reset or after the account is disabled", async () => {
    const { db } = database();
    const user = await seedUser(db, "agent");
    const issuedAt = Math.floor(Date.now() / 1000);
    expect(await loadSessionUser(db, user.id, issuedAt)).toMatchObject({ id: user.id, role: "agent" });
    await db.update(users).set({ sessionsValidAfter: new Date(Date.now() + 5_000) }).where(eq(users.id, user.id));
    expect(await loadSessionUser(db, user.id, issuedAt)).toBeNull();
    await db.update(users).set({ sessionsValidAfter: new Date(0), disabled: true }).where(eq(users.id, user.id));
    expect(await loadSessionUser(db, user.id, issuedAt)).toBeNull();
  });
});
