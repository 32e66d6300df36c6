import { createHash } from "node:crypto";

/** Orderbell's namespace for retry keys and request ids derived from idempotency keys (random, fixed forever). */
export const ORDERBELL_UUID_NAMESPACE = "6f1c0e2a-7b8d-4c5e-9a3f-2d1b0c9e8f7a";

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of namespace + name): the same idempotency key always gives
 * the same UUID, so a retry of a send reuses the key the provider already saw.
 */
export function stableUuid(name: string, namespace = ORDERBELL_UUID_NAMESPACE): string {
  const bytes = createHash("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
