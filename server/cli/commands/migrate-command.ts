import { migrationStatus } from "@/db/migrate";
import type { CommandContext } from "../cli-context";

export async function migrate(context: CommandContext) {
  const connection = await context.database(); // opening applies pending migrations
  const status = await migrationStatus(connection);
  context.print(`Database (${connection.driver}) is at migration ${status.applied}; ${status.pending} pending.`, { driver: connection.driver, ...status });
}
