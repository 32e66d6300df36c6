import type { SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure, readJson } from "../http-failure";

/**
 * Every ActiveCampaign account has its own API host (Settings → Developer → API URL). This placeholder is
 * what the dashboard shows; with it (or no base URL) `send` builds the host from the account setting.
 */
export const ACTIVECAMPAIGN_DEFAULT_BASE_URL = "https://{account}.api-us1.com/api/3";

/** "acme" → https://acme.api-us1.com; "acme.api-us1.com" or "https://acme.api-us1.com/api/3" kept. */
export function accountApiUrl(account: string): string | null {
  const trimmed = account.trim().replace(/\/+$/, "").replace(/\/api\/3$/, "");
  if (!trimmed) return null;
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (trimmed.includes(".")) return `https://${trimmed}`;
  return /^[a-z0-9-]+$/i.test(trimmed) ? `https://${trimmed}.api-us1.com` : null;
}

/** The `/api/3` root: the channel's override (a fake, a proxy) or the account's own API URL. */
export function apiRoot(context: SendContext, account: string | undefined): string | null {
  const override = context.baseUrl && context.baseUrl !== ACTIVECAMPAIGN_DEFAULT_BASE_URL ? context.baseUrl : null;
  const host = override ? override.replace(/\/+$/, "").replace(/\/api\/3$/, "") : accountApiUrl(account ?? "");
  return host ? `${host}/api/3` : null;
}

/** 422 `{"errors":[{"title","detail","code","source":{"pointer"}}]}`; auth and billing errors `{"message"}`. */
export type ActiveCampaignErrorBody = { errors?: Array<{ title?: string; detail?: string; code?: string; source?: { pointer?: string } }>; message?: string };

export function describeActiveCampaignError(body: ActiveCampaignErrorBody | null): string {
  const fromErrors = (body?.errors ?? [])
    .map((error) => `${error.code ? `${error.code}: ` : ""}${[error.title, error.detail].filter(Boolean).join(" ")}${error.source?.pointer ? ` (${error.source.pointer})` : ""}`)
    .join("; ");
  return fromErrors || body?.message || "no error details in the answer";
}

export type ActiveCampaignAnswer<T> = { ok: true; status: number; body: T } | { ok: false; result: SendResult; status?: number; body?: ActiveCampaignErrorBody | null };

/** One call to the v3 API with the `Api-Token` header; non-2xx answers come back classified. */
export async function activeCampaignCall<T>(context: SendContext, root: string, token: string, method: "GET" | "POST", path: string, payload?: unknown): Promise<ActiveCampaignAnswer<T>> {
  let response: Response;
  try {
    response = await context.fetch(`${root}${path}`, {
      method,
      headers: { "api-token": token, accept: "application/json", ...(payload === undefined ? {} : { "content-type": "application/json" }) },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
  } catch (error) {
    return { ok: false, result: networkFailure(error, context.timeoutMs) };
  }
  const body = await readJson<T & ActiveCampaignErrorBody>(response);
  if (!response.ok) return { ok: false, result: httpFailure(response, describeActiveCampaignError(body)), status: response.status, body };
  return { ok: true, status: response.status, body: (body ?? {}) as T };
}
