import type { SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure, readJson, retryAfterMs } from "../http-failure";

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

export function describeIntercomError(body: IntercomErrorBody | null): string {
  const text = (body?.errors ?? []).map((error) => `${error.code ? `${error.code}: ` : ""}${error.message ?? "no message"}${error.field ? ` (${error.field})` : ""}`).join("; ");
  const base = text || "no error details in the answer";
  return body?.request_id ? `${base} (request ${body.request_id})` : base;
}

/**
 * Intercom's 429 may come without Retry-After; `X-RateLimit-Reset` (unix seconds) then says when the
 * window reopens.
 */
export function intercomFailure(response: Response, body: IntercomErrorBody | null, now = Date.now()): SendResult {
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  const untilReset = response.status === 429 && Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : null;
  return httpFailure(response, describeIntercomError(body), { retryAfterMs: retryAfterMs(response.headers.get("retry-after")) ?? untilReset });
}

export type IntercomAnswer<T> = { ok: true; status: number; body: T } | { ok: false; result: SendResult; status?: number; body?: IntercomErrorBody | null };

export async function intercomPost<T>(context: SendContext, base: string, token: string, path: string, payload: unknown): Promise<IntercomAnswer<T>> {
  let response: Response;
  try {
    response = await context.fetch(`${base}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "intercom-version": INTERCOM_VERSION, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(payload),
    });
  } catch (error) {
    return { ok: false, result: networkFailure(error, context.timeoutMs) };
  }
  const body = await readJson<T & IntercomErrorBody>(response);
  if (!response.ok) return { ok: false, result: intercomFailure(response, body), status: response.status, body };
  return { ok: true, status: response.status, body: (body ?? {}) as T };
}
