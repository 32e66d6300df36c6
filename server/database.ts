import "server-only";
import { type DatabaseConnection, type Db, openDatabase } from "@/db/client";
import { env } from "./env";

/**
 * One database connection per process, kept on globalThis so that Next's module reloads and its
 * separately bundled route handlers all share it (a second PGlite on one folder would corrupt it).
 */
const holder = globalThis as typeof globalThis & { __orderbellDatabase?: Promise<DatabaseConnection> };

export function getDatabase(): Promise<DatabaseConnection> {
  holder.__orderbellDatabase ??= (async () => {
    const { DATABASE_URL, DATA_DIR } = env();
    return DATABASE_URL
      ? openDatabase({ driver: "postgres", url: DATABASE_URL })
      : openDatabase({ driver: "pglite", dataDir: DATA_DIR });
  })().catch((error: unknown) => {
    holder.__orderbellDatabase = undefined;
    throw error;
  });
  return holder.__orderbellDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.__orderbellDatabase;
  holder.__orderbellDatabase = undefined;
  if (pending) await (await pending).close();
}
