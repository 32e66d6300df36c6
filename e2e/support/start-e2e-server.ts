/**
 * Starts the built app for the e2e tests on a clean database: a fresh `./.e2e-data` folder for the
 * embedded database, or, when DATABASE_URL is set, a fresh `<name>_e2e` database on that server.
 * Starts it with `npm start`'s own script, so the tests also cover PORT, start-up and the printed banner
 * (copied to `.e2e-data/server.log` for the specs to read).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { e2eAdmin, e2eBaseUrl, e2eCronSecret, e2ePort } from "./e2e-settings";

const root = path.resolve(import.meta.dirname, "..", "..");

async function freshPostgres(url: string): Promise<string> {
  const target = new URL(url);
  const name = `${target.pathname.replace(/^\//, "") || "postgres"}_e2e`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  target.pathname = `/${name}`;
  return target.toString();
}

async function main() {
  const dataDir = path.join(root, ".e2e-data");
  fs.rmSync(dataDir, { recursive: true, force: true });
  const databaseUrl = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    PORT: String(e2ePort),
    APP_URL: e2eBaseUrl,
    ADMIN_EMAIL: e2eAdmin.email,
    ADMIN_PASSWORD: e2eAdmin.password,
    APP_SECRET: "e2e-app-secret-that-is-long-enough-0123456789",
    CRON_SECRET: e2eCronSecret,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  fs.mkdirSync(dataDir, { recursive: true });
  const log = fs.createWriteStream(path.join(dataDir, "server.log"));
  const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/start.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  server.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
