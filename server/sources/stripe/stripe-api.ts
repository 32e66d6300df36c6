import type { SourceApiContext } from "../source-adapter";
import { STRIPE_API_BASE_URL } from "./settings";
import { stripeLineItemListSchema, type StripeLineItem } from "./schemas";

/** Stripe's maximum page size for list endpoints. */
const PAGE_SIZE = 100;
/** A guard against a misbehaving server answering has_more forever: 50 pages is 5,000 line items. */
const MAX_PAGES = 50;

export type LineItemsResult = { ok: true; items: StripeLineItem[] } | { ok: false; reason: string };

/**
 * Lists a Checkout Session's line items (GET /v1/checkout/sessions/{id}/line_items), following has_more
 * with starting_after. Never throws: every failure comes back as a reason that is safe to store and show,
 * which is why Stripe's error messages are redacted (they echo a masked key).
 */
export async function listCheckoutSessionLineItems(sessionId: string, apiKey: string, api: SourceApiContext): Promise<LineItemsResult> {
  const base = (api.apiBaseUrl ?? STRIPE_API_BASE_URL).replace(/\/+$/, "");
  const items: StripeLineItem[] = [];
  let startingAfter: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (startingAfter) query.set("starting_after", startingAfter);
    const url = `${base}/v1/checkout/sessions/${encodeURIComponent(sessionId)}/line_items?${query}`;
    let response: Response;
    try {
      response = await api.fetch(url, {
        method: "GET",
        headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
        signal: AbortSignal.timeout(api.timeoutMs),
      });
    } catch (error) {
      return { ok: false, reason: describeFetchError(error, api.timeoutMs) };
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) return { ok: false, reason: describeStripeError(response.status, body, apiKey) };
    const parsed = stripeLineItemListSchema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: `Stripe answered ${response.status} with a body that is not a list of line items` };
    items.push(...parsed.data.data);
    const last = parsed.data.data.at(-1);
    if (!parsed.data.has_more || !last) return { ok: true, items };
    startingAfter = last.id;
  }
  return { ok: false, reason: `the session has more than ${PAGE_SIZE * MAX_PAGES} line items` };
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `Stripe did not answer within ${timeoutMs} ms`;
  }
  // undici wraps the network cause (ECONNREFUSED, ENOTFOUND…) in a generic "fetch failed".
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : null;
  return `could not reach Stripe (${code ?? (cause instanceof Error ? cause.message : "network error")})`;
}

/** `Stripe answered 401 (invalid_request_error): Invalid API Key provided: [key]`, with any key removed. */
export function describeStripeError(status: number, body: unknown, apiKey: string): string {
  const error = typeof body === "object" && body !== null && "error" in body ? (body as { error: unknown }).error : null;
  const fields = typeof error === "object" && error !== null ? (error as Record<string, unknown>) : {};
  const kind = [fields.type, fields.code].filter((value) => typeof value === "string").join(", ");
  const message = typeof fields.message === "string" ? redact(fields.message, apiKey) : "";
  const hint = status === 401 ? " — check the API key" : status === 403 ? " — the restricted key needs Checkout Sessions read access" : "";
  return `Stripe answered ${status}${kind ? ` (${kind})` : ""}${message ? `: ${message}` : ""}${hint}`;
}

function redact(message: string, apiKey: string): string {
  return (apiKey ? message.split(apiKey).join("[key]") : message)
    .replace(/\b(sk|rk|pk)_(live|test)_[A-Za-z0-9*]+/g, "[key]")
    .slice(0, 300);
}
