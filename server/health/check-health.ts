import { migrationStatus } from "@/db/migrate";
import { getDatabase } from "../database";

export type Health = {
  ok: boolean;
  database: { driver: "pglite" | "postgres" | null; reachable: boolean; error?: string };
  migrations: { applied: string | null; latest: string | null; pending: number } | null;
};

export async function checkHealth(): Promise<Health> {
  try {
    const connection = await getDatabase();
    await connection.query("select 1");
    const migrations = await migrationStatus(connection);
    return { ok: migrations.pending === 0, database: { driver: connection.driver, reachable: true }, migrations };
  } catch (error) {
    // Only the error's class of problem is returned: connection strings and hosts stay in the server log.
    console.error("Health check failed:", error);
    return { ok: false, database: { driver: null, reachable: false, error: "database unreachable" }, migrations: null };
  }
}
