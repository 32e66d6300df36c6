import { TRPCError } from "@trpc/server";
import { expect, it } from "vitest";
import { describeWithDatabase } from "../testing/test-database";
import { seedUser } from "../testing/seed-users";
import { appRouter, createCaller } from "./root";

describeWithDatabase("tRPC procedures and roles", (database) => {
  const callerFor = async (role: "admin" | "manager" | "agent" | null) => {
    const { db } = database();
    const user = role ? await seedUser(db, role) : null;
    return createCaller({ db, address: null, user: user && { id: user.id, email: user.email, name: user.name, role: user.role } });
  };

  it("refuses every procedure but none to a visitor without a session", async () => {
    const visitor = await callerFor(null);
    await expect(visitor.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(visitor.users.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(visitor.settings.display()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keeps agents and managers out of users, settings and the audit log", async () => {
    for (const role of ["agent", "manager"] as const) {
      const caller = await callerFor(role);
      await expect(caller.users.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.users.create({ email: "x@test.example", role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.settings.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.settings.update({} as never)).rejects.toBeInstanceOf(TRPCError);
      await expect(caller.auditLog.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.settings.display()).resolves.toMatchObject({ timezone: expect.any(String) });
    }
  });

  it("keeps agents out of templates, and lets managers in", async () => {
    const agent = await callerFor("agent");
    const anyId = "00000000-0000-4000-8000-000000000000";
    await expect(agent.templates.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.templates.save({ templateId: anyId, body: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.templates.publish({ versionId: anyId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.templates.preview({ templateId: anyId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(agent.templates.sendTest({ templateId: anyId, channelId: anyId, to: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const manager = await callerFor("manager");
    await expect(manager.templates.list()).resolves.toMatchObject({ page: 1 });
    await expect(manager.templates.publish({ versionId: anyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets an admin manage users, and maps domain errors to their tRPC codes", async () => {
    const admin = await callerFor("admin");
    const created = await admin.users.create({ email: "mapped@test.example", role: "agent" });
    expect(created.generatedPassword).toBeTruthy();
    await expect(admin.users.create({ email: "mapped@test.example", role: "agent" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.users.setRole({ userId: "00000000-0000-4000-8000-000000000000", role: "agent" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.users.create({ email: "bad", role: "agent" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("requires a session for every procedure in the router", async () => {
    // A procedure added on publicProcedure by mistake would answer a visitor: this lists them all.
    const visitor = await callerFor(null);
    const paths = Object.keys(appRouter._def.procedures as unknown as Record<string, unknown>);
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      const [group, name] = path.split(".") as [string, string];
      const call = (visitor as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>)[group]![name]!;
      await expect(call({}), path).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });
});
