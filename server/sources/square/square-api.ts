import type { SourceApiContext } from "../source-adapter";
import { retrieveOrderResponseSchema, type SquareOrder } from "./schemas";
import { SQUARE_API_BASE_URL, SQUARE_SANDBOX_API_BASE_URL } from "./settings";

/** The API version Orderbell is written against; Square answers in this version's shapes. */
export const SQUARE_API_VERSION = "2025-08-20";

export type RetrieveOrderResult = { ok: true; order: SquareOrder } | { ok: false; reason: string };

/**
 * RetrieveOrder: GET /v2/orders/{order_id}. Never throws: failures come back as a reason safe to store
 * and show (the token never appears in it).
 */
export async function retrieveSquareOrder(orderId: string, accessToken: string, api: SourceApiContext): Promise<RetrieveOrderResult> {
  const base = (api.apiBaseUrl ?? SQUARE_API_BASE_URL).replace(/\/+$/, "");
  let response: Response;
  try {
    response = await api.fetch(`${base}/v2/orders/${encodeURIComponent(orderId)}`, {
      method: "GET",
      headers: { authorization: `Bearer ${accessToken}`, "square-version": SQUARE_API_VERSION, accept: "application/json" },
      signal: AbortSignal.timeout(api.timeoutMs),
    });
  } catch (error) {
    return { ok: false, reason: describeFetchError(error, api.timeoutMs) };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) return { ok: false, reason: describeSquareError(response.status, body, accessToken) };
  const parsed = retrieveOrderResponseSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: `Square answered ${response.status} with a body that is not an order` };
  return { ok: true, order: parsed.data.order };
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `Square did not answer within ${timeoutMs} ms`;
  }
  // undici wraps the network cause (ECONNREFUSED, ENOTFOUND…) in a generic "fetch failed".
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : null;
  return `could not reach Square (${code ?? (cause instanceof Error ? cause.message : "network error")})`;
}

const HINTS: Record<number, string> = {
  401: " — check the access token, and that it belongs to the same environment (Production or Sandbox) as the webhook subscription",
  403: " — the access token needs the ORDERS_READ permission",
  404: ` — for a Sandbox subscription, set the API base URL to ${SQUARE_SANDBOX_API_BASE_URL}`,
};

/** `Square answered 401 (AUTHENTICATION_ERROR/UNAUTHORIZED): This request could not be authorized. — hint`. */
export function describeSquareError(status: number, body: unknown, accessToken: string): string {
  const errors = typeof body === "object" && body !== null && "errors" in body && Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
  const first = typeof errors[0] === "object" && errors[0] !== null ? (errors[0] as Record<string, unknown>) : {};
  const kind = [first.category, first.code].filter((value) => typeof value === "string").join("/");
  const detail = typeof first.detail === "string" ? (accessToken ? first.detail.split(accessToken).join("[token]") : first.detail).slice(0, 300) : "";
  return `Square answered ${status}${kind ? ` (${kind})` : ""}${detail ? `: ${detail}` : ""}${HINTS[status] ?? ""}`;
}
