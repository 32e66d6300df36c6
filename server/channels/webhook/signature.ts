import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How Orderbell signs its outgoing webhooks, for receivers to copy (Node, no dependencies):
 *
 *   X-Orderbell-Timestamp: <unix seconds when sent>
 *   X-Orderbell-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *   X-Orderbell-Idempotency-Key: <same value as the body's idempotency_key>
 *
 * To verify: take the raw body bytes exactly as received (before any JSON parsing), recompute the HMAC
 * with the shared secret over timestamp + "." + body, compare it in constant time with each `v1=` entry
 * of the header (comma-separated; more than one while a secret is being rotated), and refuse timestamps
 * more than five minutes from your clock, so a captured request cannot be replayed later. Then use the
 * idempotency key to ignore a delivery you already processed: Orderbell retries until it gets a 2xx.
 */
export const ORDERBELL_TOLERANCE_SECONDS = 300;

export function orderbellSignature(secret: string, timestamp: string | number, rawBody: Buffer | string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")}`;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(entry) ? (entry[0] ?? null) : (entry ?? null);
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Checks an Orderbell webhook as described above; works with fetch `Headers` or Node's `req.headers`. */
export function verifyOrderbellWebhook(
  rawBody: Buffer | string,
  headers: HeaderSource,
  secret: string,
  toleranceSeconds = ORDERBELL_TOLERANCE_SECONDS,
  now: number = Date.now(),
): { ok: true } | { ok: false; reason: string } {
  const timestamp = header(headers, "x-orderbell-timestamp");
  const signatures = header(headers, "x-orderbell-signature");
  if (!timestamp || !signatures) return { ok: false, reason: "missing X-Orderbell-Timestamp or X-Orderbell-Signature header" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed X-Orderbell-Timestamp: expected unix seconds" };
  const expected = orderbellSignature(secret, timestamp, rawBody);
  const candidates = signatures.split(",").map((entry) => entry.trim()).filter((entry) => entry.startsWith("v1="));
  // Compare with every candidate without stopping early.
  const matched = candidates.reduce((found, candidate) => equal(expected, candidate.toLowerCase()) || found, false);
  if (!matched) return { ok: false, reason: "no v1 signature matches: wrong secret, or the body was changed (verify the raw bytes, before parsing)" };
  const drift = Math.abs(now / 1000 - Number(timestamp));
  if (drift > toleranceSeconds) return { ok: false, reason: `timestamp is ${Math.round(drift)} s from now (tolerance ${toleranceSeconds} s): a replay, or a wrong clock` };
  return { ok: true };
}
