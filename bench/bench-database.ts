import { randomBytes } from "node:crypto";
import { type DatabaseConnection, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";

export type BenchDatabase = DatabaseConnection & { label: string };

/** A fresh database per measurement: in-memory PGlite, or a throwaway PostgreSQL database when DATABASE_URL is set. */
export async function benchDatabase(driver: "pglite" | "postgres"): Promise<BenchDatabase> {
  if (driver === "pglite") {
    const connection = await openDatabase({ driver: "pglite" });
    await migrateDatabase(connection);
    return { ...connection, label: "PGlite (in memory)" };
  }
  const server = process.env.DATABASE_URL!;
  const name = `orderbell_bench_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ driver: "postgres", url: server, maxConnections: 1 });
  await admin.query(`create database ${name}`);
  await admin.close();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const connection = await openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 20 });
  await migrateDatabase(connection, url.toString());
  return {
    ...connection,
    label: "PostgreSQL",
    close: async () => {
      await connection.close();
      const dropper = await openDatabase({ driver: "postgres", url: server, maxConnections: 1 });
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.close();
    },
  };
}

export function rate(count: number, ms: number): number {
  return (count / ms) * 1000;
}
