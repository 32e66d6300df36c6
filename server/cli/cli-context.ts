import type { DatabaseConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getDatabase } from "../database";
import { env } from "../env";
import { ensureStore } from "../settings/store-settings";
import { seedDefaults } from "../startup/seed-defaults";

/** Thrown for a mistake in how a command was called; printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type CommandContext = {
  args: string[];
  json: boolean;
  /** Opens the database (migrated, with its store) on first use. */
  database(): Promise<DatabaseConnection>;
  print(human: string, data: unknown): void;
};

export function createCommandContext(args: string[], json: boolean): CommandContext {
  let opened: Promise<DatabaseConnection> | undefined;
  return {
    args,
    json,
    database: () =>
      (opened ??= (async () => {
        const connection = await getDatabase();
        await migrateDatabase(connection, env().DATABASE_URL);
        await ensureStore(connection.db);
        await seedDefaults(connection.db);
        return connection;
      })()),
    print: (human, data) => console.log(json ? JSON.stringify(data, null, 2) : human),
  };
}
