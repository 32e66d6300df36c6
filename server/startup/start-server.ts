import { DataDirLockedError } from "@/db/data-dir-lock";
import { startBackgroundWork } from "../background/background-work";
import { getAppSecret } from "../crypto/app-secret";
import { EnvError, env, isBuildPhase } from "../env";
import type { FirstAdmin } from "./first-admin";
import { prepareDatabase } from "./prepare-database";

function banner(appUrl: string, driver: string, firstAdmin: FirstAdmin | null): string {
  const lines = [``, `Orderbell is running at ${appUrl} (database: ${driver === "pglite" ? `embedded, in ${env().DATA_DIR}` : "PostgreSQL"})`];
  if (firstAdmin) {
    lines.push(
      ``,
      `First admin created. Sign in with:`,
      `  email:    ${firstAdmin.email}`,
      `  password: ${firstAdmin.password ?? "(the value of ADMIN_PASSWORD)"}`,
    );
    if (firstAdmin.password) lines.push(`This password is shown only this once: keep it, or reset it later with the CLI.`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Runs once when the Next.js server process starts (instrumentation.ts): validates the environment,
 * opens the database, migrates, seeds what a new install needs. A problem here stops the process with
 * a message that says what to fix, rather than failing later on the first request.
 */
export async function startServer(): Promise<void> {
  if (isBuildPhase()) return;
  try {
    const { APP_URL } = env();
    getAppSecret();
    const { connection, firstAdmin } = await prepareDatabase();
    console.log(banner(APP_URL, connection.driver, firstAdmin));
    startBackgroundWork(connection.db);
  } catch (error) {
    if (error instanceof EnvError || error instanceof DataDirLockedError) {
      console.error(`\nOrderbell cannot start.\n${error.message}\n`);
    } else {
      console.error("\nOrderbell cannot start:", error);
    }
    process.exit(1);
  }
}
