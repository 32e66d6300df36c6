import type { DatabaseConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getDatabase } from "../database";
import { env } from "../env";
import { ensureStore } from "../settings/store-settings";
import { type FirstAdmin, ensureFirstAdmin } from "./first-admin";
import { ensureSampleSource } from "../orders/send-sample-order";
import { seedDefaults } from "./seed-defaults";

/** Opens this process's database, applies pending migrations and creates what a new install needs. */
export async function prepareDatabase(): Promise<{ connection: DatabaseConnection; firstAdmin: FirstAdmin | null }> {
  const { DATABASE_URL, ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  const connection = await getDatabase();
  await migrateDatabase(connection, DATABASE_URL);
  await ensureStore(connection.db);
  await seedDefaults(connection.db);
  await ensureSampleSource(connection.db);
  const firstAdmin = await ensureFirstAdmin(connection.db, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  return { connection, firstAdmin };
}
