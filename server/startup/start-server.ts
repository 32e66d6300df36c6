import { DataDirLockedError } from "@/db/data-dir-lock";
import { startBackgroundWork, stopBackgroundWork } from "../background/background-work";
import { getAppSecret } from "../crypto/app-secret";
import { closeDatabase } from "../database";
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
    if (env().DATABASE_URL === undefined || env().DISPATCH_IN_APP) await startBackgroundWork(connection);
    // On stop: in-flight sends finish, claimed messages are given back, PGlite is closed cleanly. `npm start`
    // sets NEXT_MANUAL_SIG_HANDLE so Next leaves the signal to this handler rather than exiting at once.
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        void (async () => {
          await stopBackgroundWork().catch((error: unknown) => console.error("Stopping the dispatcher failed:", error));
          await closeDatabase().catch(() => {});
          process.exit(0);
        })();
      });
    }
  } catch (error) {
    if (error instanceof EnvError || error instanceof DataDirLockedError) {
      console.error(`\nOrderbell cannot start.\n${error.message}\n`);
    } else {
      console.error("\nOrderbell cannot start:", error);
    }
    process.exit(1);
  }
}
