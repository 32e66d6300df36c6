import fs from "node:fs";
import path from "node:path";
import type { DatabaseConnection } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

type JournalEntry = { idx: number; when: number; tag: string };

export function readJournal(): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/**
 * Applies pending migrations. On PostgreSQL several processes may start at once (app instances, workers):
 * a session advisory lock on a dedicated connection lets exactly one of them migrate while the others wait.
 */
export async function migrateDatabase(connection: DatabaseConnection, postgresUrl?: string): Promise<void> {
  if (connection.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(connection.db as never, { migrationsFolder });
    return;
  }
  if (!postgresUrl) throw new Error("migrateDatabase needs the PostgreSQL URL");
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const single = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(hashtext('orderbell:migrate'))`;
    await migrate(drizzle(single), { migrationsFolder });
    await single`select pg_advisory_unlock(hashtext('orderbell:migrate'))`;
  } finally {
    await single.end({ timeout: 5 });
  }
}

export type MigrationStatus = { applied: string | null; latest: string | null; pending: number };

/** Which migration the database has, compared with what this build ships. */
export async function migrationStatus(connection: DatabaseConnection): Promise<MigrationStatus> {
  const journal = readJournal();
  const latest = journal.at(-1)?.tag ?? null;
  let appliedMillis: number | null = null;
  try {
    const rows = await connection.query<{ created_at: string | number }>(
      `select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    appliedMillis = rows[0] ? Number(rows[0].created_at) : null;
  } catch {
    appliedMillis = null; // the table does not exist yet: nothing applied
  }
  const appliedIndex = appliedMillis === null ? -1 : journal.findIndex((entry) => entry.when === appliedMillis);
  return {
    applied: appliedIndex >= 0 ? journal[appliedIndex]!.tag : appliedMillis === null ? null : `unknown (${appliedMillis})`,
    latest,
    pending: journal.filter((entry) => appliedMillis === null || entry.when > appliedMillis).length,
  };
}
