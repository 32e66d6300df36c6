import { createHmac, timingSafeEqual } from "node:crypto";

/** Constant-time comparison of two strings; false (not a throw) when their lengths differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

export function hmacSha256(key: string | Buffer, ...parts: Array<string | Buffer>): Buffer {
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

/** Whether a unix-seconds timestamp lies within `toleranceSeconds` of now. */
export function withinTolerance(timestampSeconds: number, now: Date, toleranceSeconds: number): boolean {
  return Number.isFinite(timestampSeconds) && Math.abs(now.getTime() / 1000 - timestampSeconds) <= toleranceSeconds;
}
