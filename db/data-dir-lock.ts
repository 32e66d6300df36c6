import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock between processes: two processes opening one data folder both accept writes and
 * corrupt it silently. So the first process to open a folder writes its pid into `<dir>/orderbell.lock`
 * and every other process is refused with a clear message until that process is gone.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly holderCommand: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Orderbell process (pid ${holderPid}: ${holderCommand}). ` +
        `Only one process may open it: stop that process first, or set DATABASE_URL to use PostgreSQL, ` +
        `which any number of processes can share.`,
    );
    this.name = "DataDirLockedError";
  }
}

type LockFile = { pid: number; command: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockFile | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockFile;
  } catch {
    return null;
  }
}

/** Takes the folder's lock for this process, or throws DataDirLockedError. Returns the release function. */
export function lockDataDir(dataDir: string, command: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "orderbell.lock");
  const mine: LockFile = { pid: process.pid, command, startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // 'wx' creates the file or fails if it exists: the create is atomic, so two starters cannot both win.
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(lockPath);
        if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockPath);
      // A lock left by a crashed process, or by an earlier run with our own pid (pid 1 in a container).
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(path.resolve(dataDir), holder.pid, holder.command);
      }
      // A half-written file (holder null) may belong to a starter that is writing it right now.
      if (!holder && attempt < 2) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${path.resolve(dataDir)}; remove ${lockPath} if no Orderbell process runs.`);
}
