import { expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { describeWithDatabase } from "../testing/test-database";
import { seedUser } from "../testing/seed-users";
import { listAuditActions, listAuditLog } from "./list-audit-log";
import { recordAudit } from "./record-audit";

describeWithDatabase("audit log", (database) => {
  it("lists newest first, a page at a time, filtered by actor and action", async () => {
    const { db } = database();
    await db.delete(auditLog);
    const alice = await seedUser(db, "admin", { email: "alice@audit.example" });
    const bob = await seedUser(db, "admin", { email: "bob@audit.example" });
    const base = Date.parse("2026-05-01T10:00:00Z");
    for (let index = 0; index < 6; index++) {
      const actor = index % 2 === 0 ? alice : bob;
      await recordAudit(db, { id: actor.id, email: actor.email }, { action: index < 3 ? "user.created" : "settings.updated", details: { index } });
    }
    await recordAudit(db, null, { action: "user.created", details: { index: 6 } });
    // Give the rows distinct, known times so the order is certain.
    const rows = await db.select().from(auditLog);
    for (const row of rows) {
      const { sql } = await import("drizzle-orm");
      await db.execute(sql`update audit_log set at = ${new Date(base + Number((row.details as { index: number }).index) * 60_000).toISOString()}::timestamptz where id = ${row.id}`);
    }

    const first = await listAuditLog(db, { page: 1, pageSize: 3 });
    expect(first.total).toBe(7);
    expect(first.items.map((entry) => entry.details.index)).toEqual([6, 5, 4]);
    const third = await listAuditLog(db, { page: 3, pageSize: 3 });
    expect(third.items.map((entry) => entry.details.index)).toEqual([0]);

    const byBob = await listAuditLog(db, { actor: "BOB@", page: 1 });
    expect(byBob.items.map((entry) => entry.details.index)).toEqual([5, 3, 1]);
    const created = await listAuditLog(db, { action: "user.created" });
    expect(created.items.map((entry) => entry.details.index)).toEqual([6, 2, 1, 0]);
    const system = await listAuditLog(db, { actor: "system" });
    expect(system.items.map((entry) => entry.details.index)).toEqual([6]);
    expect(await listAuditActions(db)).toEqual(["settings.updated", "user.created"]);
  });
});
