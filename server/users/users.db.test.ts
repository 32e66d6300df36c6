import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { verifyPassword } from "../auth/password";
import { DomainError } from "../errors";
import { describeWithDatabase } from "../testing/test-database";
import { seedUser } from "../testing/seed-users";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { resetUserPassword, setUserDisabled, setUserRole } from "./update-user";

describeWithDatabase("users", (database) => {
  it("creates a user with a generated password shown once and audited", async () => {
    const { db } = database();
    const admin = await seedUser(db, "admin");
    const actor = { id: admin.id, email: admin.email };
    const created = await createUser(db, actor, { email: "  New.Agent@Test.Example ", role: "agent" });
    expect(created.user.email).toBe("new.agent@test.example");
    expect(created.generatedPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const [stored] = await db.select().from(users).where(eq(users.id, created.user.id));
    expect(stored!.passwordHash).not.toContain(created.generatedPassword!);
    expect(await verifyPassword(stored!.passwordHash, created.generatedPassword!)).toBe(true);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, created.user.id));
    expect(entry).toMatchObject({ action: "user.created", actorEmail: admin.email, details: { email: "new.agent@test.example", role: "agent" } });
  });

  it("refuses a second user with the same email in another case", async () => {
    const { db } = database();
    await createUser(db, null, { email: "dup@test.example", role: "agent", password: "a long enough password" });
    const attempt = createUser(db, null, { email: "DUP@test.example", role: "manager", password: "a long enough password" });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", field: "email" });
  });

  it("refuses short passwords and bad emails", async () => {
    const { db } = database();
    await expect(createUser(db, null, { email: "not-an-email", role: "agent" })).rejects.toThrow(/valid email/);
    await expect(createUser(db, null, { email: "short@test.example", role: "agent", password: "short" })).rejects.toThrow(/12 characters/);
  });

  it("never demotes or disables the last enabled admin", async () => {
    const { db } = database();
    // Start from a table with exactly one enabled admin.
    await db.update(users).set({ disabled: true }).where(eq(users.role, "admin"));
    const admin = await seedUser(db, "admin");
    const actor = { id: admin.id, email: admin.email };
    await expect(setUserRole(db, actor, admin.id, "manager")).rejects.toBeInstanceOf(DomainError);
    const other = await seedUser(db, "admin");
    await expect(setUserDisabled(db, { id: other.id, email: other.email }, admin.id, true)).resolves.toBeUndefined();
    await expect(setUserRole(db, actor, other.id, "agent")).rejects.toThrow(/last admin/);
    const [still] = await db.select().from(users).where(eq(users.id, other.id));
    expect(still).toMatchObject({ role: "admin", disabled: false });
  });

  it("lets only one of two admins demote the other at the same moment", async () => {
    const { db } = database();
    await db.update(users).set({ disabled: true }).where(eq(users.role, "admin"));
    const first = await seedUser(db, "admin");
    const second = await seedUser(db, "admin");
    const results = await Promise.allSettled([
      setUserRole(db, { id: first.id, email: first.email }, second.id, "agent"),
      setUserRole(db, { id: second.id, email: second.email }, first.id, "agent"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(DomainError);
    const admins = await db.select().from(users).where(eq(users.role, "admin"));
    expect(admins.filter((user) => !user.disabled)).toHaveLength(1);
  });

  it("stops an admin from disabling their own account", async () => {
    const { db } = database();
    const admin = await seedUser(db, "admin");
    await seedUser(db, "admin");
    await expect(setUserDisabled(db, { id: admin.id, email: admin.email }, admin.id, true)).rejects.toThrow(/your own account/);
  });

  it("resets a password, signs the user out everywhere and audits it", async () => {
    const { db } = database();
    const agent = await seedUser(db, "agent");
    const before = agent.sessionsValidAfter.getTime();
    const { generatedPassword } = await resetUserPassword(db, null, agent.id);
    const [stored] = await db.select().from(users).where(eq(users.id, agent.id));
    expect(await verifyPassword(stored!.passwordHash, generatedPassword!)).toBe(true);
    expect(await verifyPassword(stored!.passwordHash, agent.password)).toBe(false);
    expect(stored!.sessionsValidAfter.getTime()).toBeGreaterThan(before);
    const entries = await db.select().from(auditLog).where(eq(auditLog.targetId, agent.id));
    expect(entries.map((entry) => entry.action)).toContain("user.password_reset");
  });

  it("lists users a page at a time and finds them by part of email or name", async () => {
    const { db } = database();
    for (let index = 0; index < 5; index++) await seedUser(db, "agent", { email: `pager-${index}@search.example` });
    const first = await listUsers(db, { search: "search.example", page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, pageCount: 3, page: 1 });
    expect(first.items.map((user) => user.email)).toEqual(["pager-0@search.example", "pager-1@search.example"]);
    const last = await listUsers(db, { search: "search.example", page: 3, pageSize: 2 });
    expect(last.items.map((user) => user.email)).toEqual(["pager-4@search.example"]);
    expect((await listUsers(db, { search: "100%" })).total).toBe(0);
  });
});
