import { createHmac } from "node:crypto";
import { safeEqual } from "../../sources/signatures";
import type { Refusal } from "../provider-request";

/**
 * What WhatsApp Cloud API and Messenger share, both being Meta Graph API products: the error object,
 * the `X-Hub-Signature-256` callback signature and the `hub.challenge` subscription handshake.
 * @see https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
export type GraphError = {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  error_subcode?: unknown;
  error_data?: { details?: unknown } | unknown;
  error_user_title?: unknown;
  error_user_msg?: unknown;
  is_transient?: unknown;
  fbtrace_id?: unknown;
};

/** The `error` object of a Graph answer, or null when the body is not one (an HTML 502 from a proxy). */
export function graphErrorOf(body: unknown): GraphError | null {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === "object" && error !== null && !Array.isArray(error) ? (error as GraphError) : null;
}

export function graphCode(error: GraphError | null): number | null {
  const code = Number(error?.code);
  return Number.isInteger(code) ? code : null;
}

export function graphSubcode(error: GraphError | null): number | null {
  const code = Number(error?.error_subcode);
  return error?.error_subcode !== undefined && Number.isInteger(code) ? code : null;
}

/** "WhatsApp error 132001: Template name does not exist in the translation — template name (order_confirmed) does not exist in en_US (fbtrace_id Axyz)" */
export function describeGraphError(product: string, error: GraphError): string {
  const code = graphCode(error);
  const subcode = graphSubcode(error);
  const message = typeof error.message === "string" ? error.message : "no message";
  const data = error.error_data as { details?: unknown } | undefined;
  const details = typeof data?.details === "string" && data.details !== message ? ` — ${data.details}` : "";
  const userMessage = typeof error.error_user_msg === "string" ? ` — ${error.error_user_msg}` : "";
  const trace = typeof error.fbtrace_id === "string" ? ` (fbtrace_id ${error.fbtrace_id})` : "";
  const codes = code === null ? "" : ` ${code}${subcode !== null ? `/${subcode}` : ""}`;
  return `${product} error${codes}: ${message}${details}${userMessage}${trace}`;
}

/** `sha256=<hex HMAC-SHA256(app secret, raw body)>`, as Meta signs webhook deliveries. Also used by the fakes. */
export function hubSignature(appSecret: string, body: Buffer | string): string {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
}

/**
 * Checks `X-Hub-Signature-256` over the exact raw body, in constant time. Meta signs with the App Secret
 * of the app whose webhook this is (App Dashboard → App settings → Basic), not with an access token.
 */
export function verifyHubSignature(header: string | null, body: Buffer, appSecret: string | undefined, product: string): { ok: true } | { ok: false; reason: string } {
  if (!appSecret) {
    return { ok: false, reason: `No App Secret is configured on this channel: paste the Meta app's App Secret (App settings → Basic) to accept ${product} delivery updates.` };
  }
  if (!header) return { ok: false, reason: "Missing X-Hub-Signature-256 header: the request did not come from Meta, or a proxy removed the header." };
  if (!safeEqual(hubSignature(appSecret, body), header.trim().toLowerCase())) {
    return {
      ok: false,
      reason: "X-Hub-Signature-256 does not match: check that the App Secret belongs to the app whose webhook calls this URL, and that nothing in front of Orderbell re-encodes the request body.",
    };
  }
  return { ok: true };
}

/**
 * The GET handshake Meta sends when a webhook is subscribed: answer `hub.challenge` only when
 * `hub.mode=subscribe` and `hub.verify_token` is the token the store typed in both places. Meta's challenge
 * is a number; anything else is refused rather than echoed back.
 */
export function hubChallenge(query: URLSearchParams, verifyToken: string | undefined): string | null {
  if (!verifyToken) return null;
  if (query.get("hub.mode") !== "subscribe") return null;
  const token = query.get("hub.verify_token");
  const challenge = query.get("hub.challenge");
  if (token === null || challenge === null || !safeEqual(token, verifyToken)) return null;
  return /^[A-Za-z0-9._~-]{1,256}$/.test(challenge) ? challenge : null;
}

/** Throttling codes: app-level (4, 17), page/business-level (613, 80007, 32) and WhatsApp throughput (130429, 131056). */
export const GRAPH_THROTTLE_CODES = new Set([4, 17, 32, 613, 80007, 130429, 131056]);

/** Meta's "temporary" codes: 1 unknown error, 2 service unavailable. */
export const GRAPH_TRANSIENT_CODES = new Set([1, 2]);

/** Meta sends no Retry-After; its app and page limits are counted over an hour. */
const DEFAULT_THROTTLE_WAIT_MS = 60_000;

/**
 * How a Graph API answer that is not a success is classified, for WhatsApp and Messenger alike. Trust the
 * code, not the status: Meta answers throttling with 400 as often as with 429. A body that is not a Graph
 * error (a proxy's HTML page) is left to the request path, which reports the status and an excerpt.
 */
export function graphRefusal(
  product: string,
  json: unknown,
  status: number,
  own: { transientCodes: Set<number>; throttleWaitMs?: Record<number, number>; hint?: (code: number | null, subcode: number | null) => string },
): Refusal | null {
  const error = graphErrorOf(json);
  if (!error) return null;
  const code = graphCode(error);
  const description = describeGraphError(product, error) + (own.hint?.(code, graphSubcode(error)) ?? "");
  if (code !== null && GRAPH_THROTTLE_CODES.has(code)) {
    return { error: description, retryable: true, retryAfterMs: own.throttleWaitMs?.[code] ?? DEFAULT_THROTTLE_WAIT_MS };
  }
  if (code !== null && (GRAPH_TRANSIENT_CODES.has(code) || own.transientCodes.has(code) || error.is_transient === true)) return { error: description, retryable: true };
  // Any other code is about the request (template, recipient, token, permissions, window): the same
  // request fails again, so permanent whatever the status. Unknown codes on a 5xx stay retryable by status.
  return { error: description, ...(code !== null && status < 500 ? { retryable: false } : {}) };
}
