import { currencyFractionDigits } from "@/lib/format";

/**
 * Converts a decimal amount as platforms send it ("199.00", "0.5", 12.3) into integer minor units of the
 * currency (cents for USD, yen for JPY, fils for KWD), without going through binary floating point for
 * strings. Returns null for text that is not a decimal number.
 */
export function toMinorUnits(amount: string | number | null | undefined, currency: string): number | null {
  if (amount === null || amount === undefined || amount === "") return null;
  const digits = currencyFractionDigits(currency);
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) return null;
    return Math.round(amount * 10 ** digits);
  }
  const match = /^\s*(-)?(\d*)(?:\.(\d*))?\s*$/.exec(amount);
  if (!match || (!match[2] && !match[3])) return null;
  const [, sign, whole = "", fraction = ""] = match;
  const padded = (fraction + "0".repeat(digits + 1)).slice(0, digits + 1);
  let minor = Number(whole || "0") * 10 ** digits + Number(padded.slice(0, digits) || "0");
  // Round half up on the first dropped digit.
  if (Number(padded[digits]) >= 5) minor += 1;
  return sign ? -minor : minor;
}
