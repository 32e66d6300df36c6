import { hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";

let cached: string | undefined;

/**
 * APP_SECRET, or, when it is not given, a secret generated on first start and kept in
 * `<DATA_DIR>/app-secret` (mode 0600) so sessions and encrypted credentials survive restarts.
 */
export function getAppSecret(): string {
  if (cached) return cached;
  const { APP_SECRET, DATA_DIR } = env();
  if (APP_SECRET) return (cached = APP_SECRET);
  const file = path.join(DATA_DIR, "app-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    const generated = randomBytes(48).toString("base64url");
    try {
      fs.writeFileSync(file, generated + "\n", { flag: "wx", mode: 0o600 });
      cached = generated;
    } catch {
      // Another process wrote it first: use theirs.
      cached = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cached;
}

/** A 32-byte key for one purpose, derived from APP_SECRET with HKDF-SHA256, so purposes never share a key. */
export function deriveKey(purpose: string, secret: string = getAppSecret()): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "orderbell", purpose, 32));
}
