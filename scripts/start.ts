/**
 * `npm start`: validates the environment, builds the app when the build is missing or older than the
 * sources (a fresh clone, or after an upgrade), then runs `next start` on PORT. Migrations, the first
 * admin and the printed credentials happen inside the server at start-up (instrumentation.ts).
 * `--build-only` stops after the build (the e2e tests build first, then start the app this same way).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "../server/env";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const stampFile = path.join(root, ".next", "orderbell-source-hash");
const sourceDirs = ["app", "server", "db", "components", "emails", "lib"];
const sourceFiles = ["package-lock.json", "next.config.mjs", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json"];

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child));
    } else if (!/\.test\.tsx?$/.test(entry)) {
      hash.update(entry).update(fs.readFileSync(full));
    }
  };
  [...sourceDirs, ...sourceFiles].forEach(visit);
  return hash.digest("hex");
}

function main() {
  let port: number;
  try {
    port = parseEnv(process.env).PORT;
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\nOrderbell cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const current = sourceHash();
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === current;
  if (!built) {
    console.log("Building Orderbell (first start or sources changed)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
    fs.writeFileSync(stampFile, current);
  }
  if (process.argv.includes("--build-only")) return;

  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: root,
    stdio: "inherit",
    // The app handles SIGTERM itself: it lets in-flight sends finish before exiting (server/startup).
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
