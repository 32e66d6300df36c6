import type { SendContext, SendResult } from "../channel-provider";
import { answerFailure, type ProviderAnswer, type Refusal } from "../provider-request";

export const INTERCOM_API = "https://api.intercom.io";
export const INTERCOM_VERSION = "2.14";
export const INTERCOM_REGIONS = { us: INTERCOM_API, eu: "https://api.eu.intercom.io", au: "https://api.au.intercom.io" } as const;
export type IntercomRegion = keyof typeof INTERCOM_REGIONS;

/** The channel's override, else the workspace's regional host (a workspace answers only on its own region). */
export function intercomBase(context: SendContext, region: IntercomRegion | undefined): string {
  if (context.baseUrl && context.baseUrl !== INTERCOM_API) return context.baseUrl;
  return INTERCOM_REGIONS[region ?? "us"];
}

/** `{"type":"error.list","request_id","errors":[{"code","message","field"?}]}` */
export type IntercomErrorBody = { type?: string; request_id?: string; errors?: Array<{ code?: string; message?: string; field?: string }> };

export function describeIntercomError(body: IntercomErrorBody | null): string | null {
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const text = errors.map((error) => `${error.code ? `${error.code}: ` : ""}${error.message ?? "no message"}${error.field ? ` (${error.field})` : ""}`).join("; ");
  if (!text) return null;
  return body?.request_id ? `${text} (request ${body.request_id})` : text;
}

/**
 * Intercom's 429 may come without Retry-After; `X-RateLimit-Reset` (unix seconds) then says when the
 * window reopens.
 */
function intercomRefusal({ status, headers, json }: ProviderAnswer, now = Date.now()): Refusal {
  const reset = Number(headers.get("x-ratelimit-reset"));
  const untilReset = status === 429 && Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : null;
  return { error: describeIntercomError(json as IntercomErrorBody | null), retryAfterMs: untilReset };
}

export type IntercomAnswer<T> = { ok: true; status: number; body: T } | { ok: false; result: SendResult; status?: number; body?: IntercomErrorBody | null };

/**
 * One call to the Intercom API. A 409 comes back with its body (a contact created meanwhile names its id);
 * every other failure is classified by the request path.
 */
export async function intercomCall<T>(context: SendContext, base: string, token: string, method: "GET" | "POST", path: string, payload?: unknown): Promise<IntercomAnswer<T>> {
  const answer = await context.request({
    method,
    url: `${base}${path}`,
    headers: { authorization: `Bearer ${token}`, "intercom-version": INTERCOM_VERSION },
    ...(payload === undefined ? {} : { json: payload }),
    accepts: ({ status }) => status === 409,
    refusal: intercomRefusal,
  });
  if (!answer.ok) return { ok: false, result: answer };
  const body = (answer.json ?? {}) as T & IntercomErrorBody;
  if (answer.status === 409) return { ok: false, result: answerFailure(answer, intercomRefusal(answer), context.secrets), status: 409, body };
  return { ok: true, status: answer.status, body };
}
