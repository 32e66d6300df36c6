import { createHash, createHmac } from "node:crypto";
import { safeEqual, withinTolerance } from "../../sources/signatures";
import type { VonageSignatureMethod } from "./settings";

/** Vonage's SDKs refuse signed requests whose `timestamp` is more than five minutes from now. */
export const VONAGE_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The string Vonage signs: every parameter except `sig`, sorted by name, as `&name=value`, with `&` and `=`
 * inside names and values replaced by `_`. The Java SDK leaves out parameters with an empty value, the
 * Node SDK keeps them; `skipEmpty` picks one.
 */
function signedString(params: Map<string, string>, skipEmpty: boolean): string {
  const clean = (value: string) => value.replace(/[&=]/g, "_");
  return [...params.keys()]
    .filter((name) => name !== "sig")
    .filter((name) => !skipEmpty || (params.get(name) ?? "").trim() !== "")
    .sort()
    .map((name) => `&${clean(name)}=${clean(params.get(name) ?? "")}`)
    .join("");
}

/** md5hash: MD5(string + secret); the others: HMAC(secret, string). Lowercase hex. */
export function vonageSignature(params: Map<string, string>, secret: string, method: VonageSignatureMethod, skipEmpty = false): string {
  const input = signedString(params, skipEmpty);
  if (method === "md5hash") return createHash("md5").update(input + secret, "utf8").digest("hex");
  return createHmac(method, secret).update(input, "utf8").digest("hex");
}

export function verifyVonageSignature(params: Map<string, string>, secret: string, method: VonageSignatureMethod, now: Date): { ok: true } | { ok: false; reason: string } {
  const supplied = params.get("sig");
  const timestamp = params.get("timestamp");
  if (!supplied || !timestamp) {
    return { ok: false, reason: "The delivery receipt is not signed (no sig or timestamp): enable signed webhooks for SMS in the Vonage Dashboard, or remove the signature secret from this channel." };
  }
  // Vonage sends hex in either case; compare case-insensitively, in constant time, against both readings
  // of how empty parameters are treated.
  const candidates = new Set([vonageSignature(params, secret, method, false), vonageSignature(params, secret, method, true)]);
  const matched = [...candidates].reduce((found, expected) => safeEqual(expected, supplied.toLowerCase()) || found, false);
  if (!matched) {
    return { ok: false, reason: `The delivery receipt's sig does not match: check the signature secret and that the signature method (${method}) matches the Vonage Dashboard setting.` };
  }
  if (!/^\d{1,12}$/.test(timestamp) || !withinTolerance(Number(timestamp), now, VONAGE_SIGNATURE_TOLERANCE_SECONDS)) {
    return { ok: false, reason: `The delivery receipt's timestamp is more than ${VONAGE_SIGNATURE_TOLERANCE_SECONDS} s from now: a replayed request, or this server's clock is wrong.` };
  }
  return { ok: true };
}
