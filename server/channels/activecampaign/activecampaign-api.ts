import type { SendContext, SendResult } from "../channel-provider";
import { answerFailure, type ProviderAnswer } from "../provider-request";

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

export function describeActiveCampaignError(body: ActiveCampaignErrorBody | null): string | null {
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const fromErrors = errors
    .map((error) => `${error.code ? `${error.code}: ` : ""}${[error.title, error.detail].filter(Boolean).join(" ")}${error.source?.pointer ? ` (${error.source.pointer})` : ""}`)
    .join("; ");
  return fromErrors || (typeof body?.message === "string" ? body.message : null);
}

export type ActiveCampaignAnswer<T> = { ok: true; status: number; body: T } | { ok: false; result: SendResult; status?: number; body?: ActiveCampaignErrorBody | null };

/**
 * One call to the v3 API with the `Api-Token` header. A 422 comes back with its body too (an order an
 * earlier attempt created is a duplicate externalid); the request path classifies every failure.
 */
export async function activeCampaignCall<T>(context: SendContext, root: string, token: string, method: "GET" | "POST", path: string, payload?: unknown): Promise<ActiveCampaignAnswer<T>> {
  const refusal = ({ json }: ProviderAnswer) => ({ error: describeActiveCampaignError(json as ActiveCampaignErrorBody | null) });
  const answer = await context.request({
    method,
    url: `${root}${path}`,
    headers: { "api-token": token },
    ...(payload === undefined ? {} : { json: payload }),
    accepts: ({ status }) => status === 422,
    refusal,
  });
  if (!answer.ok) return { ok: false, result: answer };
  const body = (answer.json ?? {}) as T & ActiveCampaignErrorBody;
  if (answer.status === 422) return { ok: false, result: answerFailure(answer, refusal(answer), context.secrets), status: 422, body };
  return { ok: true, status: answer.status, body };
}
