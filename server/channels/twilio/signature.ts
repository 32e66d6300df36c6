import { createHmac } from "node:crypto";
import { safeEqual } from "../../sources/signatures";

/** Form parameters grouped by name: Twilio may repeat a name, and signs every value. */
export function formParams(body: URLSearchParams): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const [name, value] of body) params.set(name, [...(params.get(name) ?? []), value]);
  return params;
}

/**
 * `X-Twilio-Signature`: Base64(HMAC-SHA1(Auth Token, URL + each POST parameter sorted by name as name+value)),
 * as twilio-node's `getExpectedTwilioSignature` computes it (repeated values deduplicated and sorted).
 */
export function twilioSignature(authToken: string, url: string, params: Map<string, string[]>): string {
  let data = url;
  for (const name of [...params.keys()].sort()) {
    for (const value of [...new Set(params.get(name))].sort()) data += name + value;
  }
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

/**
 * The URL as Twilio may have signed it. Twilio's own validators accept the URL with and without the
 * default port (":443"), because Twilio's signing is inconsistent about it; so do we.
 */
function urlVariants(url: string): string[] {
  const variants = new Set([url]);
  try {
    const parsed = new URL(url);
    const withoutPort = new URL(url);
    withoutPort.port = "";
    variants.add(withoutPort.toString());
    if (!parsed.port) {
      const port = parsed.protocol === "https:" ? "443" : "80";
      variants.add(`${parsed.protocol}//${parsed.host}:${port}${parsed.pathname}${parsed.search}`);
    }
  } catch {
    // Not a URL: only the string as given can match.
  }
  return [...variants];
}

export function verifyTwilioSignature(header: string | null, url: string, params: Map<string, string[]>, authToken: string): { ok: true } | { ok: false; reason: string } {
  if (!header) return { ok: false, reason: "Missing X-Twilio-Signature header: the request did not come from Twilio, or a proxy removed the header." };
  // Compare against every variant without stopping early.
  const matched = urlVariants(url).reduce((found, variant) => safeEqual(twilioSignature(authToken, variant, params), header) || found, false);
  if (matched) return { ok: true };
  return {
    ok: false,
    reason:
      "X-Twilio-Signature does not match: check the Auth Token (the account's primary token signs callbacks, even when sending with an API key) and that APP_URL is the public URL Twilio calls (scheme, host and path must match exactly).",
  };
}
