import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures";
import { e2eAdmin, e2eBaseUrl } from "../support/e2e-settings";

test.describe("start-up and health", () => {
  test("the start command serves on PORT and prints where it runs and the first admin", async () => {
    const log = path.resolve(".e2e-data", "server.log");
    await expect.poll(() => (fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "")).toContain(`Orderbell is running at ${e2eBaseUrl}`);
    const text = fs.readFileSync(log, "utf8");
    expect(text).toContain(`email:    ${e2eAdmin.email}`);
    // The password came from ADMIN_PASSWORD, so it is not echoed into the log.
    expect(text).toContain("password: (the value of ADMIN_PASSWORD)");
    expect(text).not.toContain(e2eAdmin.password);
  });

  test("GET /api/health answers the database and the applied migration", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, database: { reachable: true }, migrations: { pending: 0 } });
    expect(body.migrations.applied).toBe(body.migrations.latest);
    expect(["pglite", "postgres"]).toContain(body.database.driver);
  });
});
