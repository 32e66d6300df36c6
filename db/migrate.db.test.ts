import { expect, it } from "vitest";
import { describeWithDatabase } from "@/server/testing/test-database";
import { migrateDatabase, migrationStatus, readJournal } from "./migrate";

describeWithDatabase("migrations", (database, driver) => {
  it("applies every migration the build ships", async () => {
    const status = await migrationStatus(database());
    expect(status).toEqual({ applied: readJournal().at(-1)!.tag, latest: readJournal().at(-1)!.tag, pending: 0 });
  });

  it("is safe to run again, and from several processes at once on PostgreSQL", async () => {
    const connection = database();
    const runs = driver === "postgres" ? [1, 2, 3].map(() => migrateDatabase(connection, connection.url)) : [migrateDatabase(connection)];
    await Promise.all(runs);
    expect((await migrationStatus(connection)).pending).toBe(0);
    const tables = await connection.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["users", "stores", "sources", "channels", "templates", "template_versions", "flows", "flow_steps", "customers", "orders", "order_items", "inbound_events", "notifications", "delivery_attempts", "audit_log"]),
    );
  });
});
