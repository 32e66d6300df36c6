import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "@/db/schema";
import { verifyPassword } from "../auth/password";
import { describeWithDatabase } from "../testing/test-database";
import { defaultAdminEmail, ensureFirstAdmin } from "./first-admin";

describeWithDatabase("first admin", (database) => {
  it("creates an admin with a generated password on an empty database, once", async () => {
    const { db } = database();
    const first = await ensureFirstAdmin(db, {});
    expect(first).toMatchObject({ email: defaultAdminEmail, passwordFrom: "generated" });
    const [admin] = await db.select().from(users).where(eq(users.email, defaultAdminEmail));
    expect(admin?.role).toBe("admin");
    expect(await verifyPassword(admin!.passwordHash, first!.password!)).toBe(true);
    expect(await ensureFirstAdmin(db, {})).toBeNull();
    expect(await db.select().from(users)).toHaveLength(1);
  });
});

describeWithDatabase("first admin from the environment", (database) => {
  it("uses ADMIN_EMAIL and ADMIN_PASSWORD and does not hand the password back", async () => {
    const { db } = database();
    const first = await ensureFirstAdmin(db, { email: "owner@shop.example", password: "owner-password-1234" });
    expect(first).toEqual({ email: "owner@shop.example", password: null, passwordFrom: "ADMIN_PASSWORD" });
    const [admin] = await db.select().from(users);
    expect(await verifyPassword(admin!.passwordHash, "owner-password-1234")).toBe(true);
  });
});
