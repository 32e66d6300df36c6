import type { SendContext, SendResult } from "../channel-provider";
import type { ProviderAnswer, Refusal } from "../provider-request";

export const HUBSPOT_API = "https://api.hubapi.com";

/** HubSpot's error envelope. `category` tells throttling (RATE_LIMITS) from validation or auth problems. */
export type HubSpotErrorBody = {
  status?: string;
  message?: string;
  correlationId?: string;
  category?: string;
  errors?: Array<{ message?: string; code?: string }>;
};

export type HubSpotAnswer<T> = { ok: true; status: number; body: T } | { ok: false; result: SendResult };

export function describeHubSpotError(body: HubSpotErrorBody | null): string | null {
  if (!body || typeof body !== "object") return null;
  const head = [body.category, body.message].filter(Boolean).join(": ");
  if (!head) return null;
  return body.correlationId ? `${head} (correlationId ${body.correlationId})` : head;
}

/**
 * HubSpot throttles with 429 and category RATE_LIMITS, usually without Retry-After: its
 * `X-HubSpot-RateLimit-Interval-Milliseconds` (the length of the rolling window) is then the longest we
 * would have to wait.
 */
function hubspotRefusal({ status, headers, json }: ProviderAnswer): Refusal {
  const body = json as HubSpotErrorBody | null;
  const rateLimited = status === 429 || body?.category === "RATE_LIMITS";
  const interval = Number(headers.get("x-hubspot-ratelimit-interval-milliseconds"));
  return { error: describeHubSpotError(body), ...(rateLimited ? { retryable: true, retryAfterMs: interval > 0 ? interval : null } : {}) };
}

/** POSTs JSON to the HubSpot API with the private-app token; non-2xx answers come back classified. */
export async function hubspotPost<T>(context: SendContext, token: string, path: string, payload: unknown): Promise<HubSpotAnswer<T>> {
  const answer = await context.request({ url: `${context.baseUrl || HUBSPOT_API}${path}`, headers: { authorization: `Bearer ${token}` }, json: payload, refusal: hubspotRefusal });
  if (!answer.ok) return { ok: false, result: answer };
  return { ok: true, status: answer.status, body: (answer.json ?? {}) as T };
}

type UpsertAnswer = { results?: Array<{ id?: string }>; errors?: HubSpotErrorBody[] };

/**
 * Creates or updates the customer's contact by email with the batch upsert endpoint (`idProperty: "email"`),
 * one call whether or not the contact exists; returns its id. A 207 carries per-input errors instead.
 * @see https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/batch/upsert-contacts
 */
export async function upsertContact(
  context: SendContext,
  token: string,
  contact: { email: string; firstname: string | null; lastname: string | null; phone: string | null },
): Promise<{ ok: true; contactId: string } | { ok: false; result: SendResult }> {
  const properties: Record<string, string> = { email: contact.email };
  if (contact.firstname) properties.firstname = contact.firstname;
  if (contact.lastname) properties.lastname = contact.lastname;
  if (contact.phone) properties.phone = contact.phone;
  const answer = await hubspotPost<UpsertAnswer>(context, token, "/crm/v3/objects/contacts/batch/upsert", {
    inputs: [{ idProperty: "email", id: contact.email, properties }],
  });
  if (!answer.ok) return answer;
  const contactId = answer.body.results?.[0]?.id;
  if (contactId) return { ok: true, contactId: String(contactId) };
  const error = answer.body.errors?.[0] ?? null;
  const rateLimited = error?.category === "RATE_LIMITS";
  return {
    ok: false,
    result: { ok: false, retryable: rateLimited, error: `HTTP ${answer.status}: contact upsert failed: ${describeHubSpotError(error) ?? "no error details in the answer"}`, httpStatus: answer.status },
  };
}
