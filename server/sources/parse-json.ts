import { isSafeNumber, parse } from "lossless-json";

/**
 * JSON.parse that keeps integers beyond 2^53 (Shopify order and line ids, Viber tokens) as exact decimal
 * strings instead of silently rounding them. Every other number is a plain JS number.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, (value: string) => (isSafeNumber(value, { approx: true }) || !/^-?\d+$/.test(value) ? Number(value) : value));
}

/** An id that may arrive as a number or, when too large for one, as the exact string above. */
export function idToString(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}
