import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "orderbell-lock-"));
}

describe("data folder lock", () => {
  it("refuses a second process while the first holds the folder", () => {
    const dir = tempDir();
    const release = lockDataDir(dir, "test holder");
    const script = `import("${path.resolve(import.meta.dirname, "data-dir-lock.ts")}").then(({ lockDataDir }) => { try { lockDataDir(${JSON.stringify(dir)}, "second"); console.log("TOOK"); } catch (e) { console.log(e.name + ": " + e.message); } })`;
    const second = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8" });
    expect(second.stdout).toContain("DataDirLockedError");
    expect(second.stdout).toContain(`pid ${process.pid}: test holder`);
    expect(second.stdout).toContain("DATABASE_URL");
    release();
    expect(fs.existsSync(path.join(dir, "orderbell.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    fs.writeFileSync(path.join(dir, "orderbell.lock"), JSON.stringify({ pid: Number(dead.stdout.trim()), command: "crashed", startedAt: "" }));
    const release = lockDataDir(dir, "new owner");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "orderbell.lock"), "utf8"))).toMatchObject({ pid: process.pid, command: "new owner" });
    release();
  });

  it("creates a missing folder, since PGlite does not", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const release = lockDataDir(dir, "x");
    expect(fs.existsSync(dir)).toBe(true);
    release();
  });

  it("says which process holds the folder", () => {
    const error = new DataDirLockedError("/srv/data", 42, "next start");
    expect(error.message).toMatch(/pid 42: next start/);
  });
});
