import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import { env } from "@/server/env";
import { type DatabaseConnection, type DatabaseDriver, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * Integration tests run on PGlite always, and on PostgreSQL too when DATABASE_URL is set. Each test file
 * gets a database of its own: an in-memory PGlite, or a fresh PostgreSQL database dropped afterwards.
 */
export function testDrivers(): DatabaseDriver[] {
  return env().DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export type TestDatabase = DatabaseConnection & { url?: string };

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(driver: DatabaseDriver): Promise<TestDatabase> {
  if (driver === "pglite") {
    const connection = await openDatabase({ driver: "pglite" });
    await migrateDatabase(connection);
    return connection;
  }
  const serverUrl = env().DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL is not set");
  const name = `orderbell_test_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ driver: "postgres", url: serverUrl, maxConnections: 1 });
  await admin.query(`create database ${name}`);
  await admin.close();
  const url = withDatabase(serverUrl, name);
  const connection = await openDatabase({ driver: "postgres", url, maxConnections: 20 });
  await migrateDatabase(connection, url);
  return {
    ...connection,
    url,
    close: async () => {
      await connection.close();
      const dropper = await openDatabase({ driver: "postgres", url: serverUrl, maxConnections: 1 });
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.close();
    },
  };
}

/** `describe` once per driver, with a fresh migrated database for the block. */
export function describeWithDatabase(name: string, body: (database: () => TestDatabase, driver: DatabaseDriver) => void) {
  describe.each(testDrivers())(`${name} [%s]`, (driver) => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(driver);
    });
    afterAll(async () => {
      await database?.close();
    });
    body(() => {
      if (!database) throw new Error("test database not ready");
      return database;
    }, driver);
  });
}
