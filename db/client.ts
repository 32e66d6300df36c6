import "server-only";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { lockDataDir } from "./data-dir-lock";

export type Schema = typeof schema;
/** The one database type the domain uses: the same on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; domain functions take `Db | Tx` through `DbOrTx`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseDriver = "pglite" | "postgres";

export type DatabaseConnection = {
  db: Db;
  driver: DatabaseDriver;
  /** Runs raw SQL and returns its rows, whichever driver is underneath. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** LISTEN on a channel; resolves once listening, with the function that stops it. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type OpenOptions =
  | { driver: "postgres"; url: string; maxConnections?: number }
  /** `dataDir` undefined means an in-memory database (tests). */
  | { driver: "pglite"; dataDir?: string; command?: string };

export async function openDatabase(options: OpenOptions): Promise<DatabaseConnection> {
  if (options.driver === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      driver: "postgres",
      query: async <T>(text: string, params: unknown[] = []) =>
        (await client.unsafe(text, params as never[])) as unknown as T[],
      listen: async (channel, onNotify) => {
        const subscription = await client.listen(channel, onNotify);
        return () => subscription.unlisten();
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  const release = options.dataDir ? lockDataDir(options.dataDir, options.command ?? process.argv.join(" ")) : () => {};
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { drizzle } = await import("drizzle-orm/pglite");
    // pg_trgm backs partial name and email search; the migration creates it, PGlite needs its code loaded.
    const extensions = { pg_trgm };
    const client = options.dataDir ? await PGlite.create(path.resolve(options.dataDir, "pglite"), { extensions }) : await PGlite.create({ extensions });
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      driver: "pglite",
      query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      listen: async (channel, onNotify) => {
        const unlisten = await client.listen(channel, onNotify);
        return () => unlisten();
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
