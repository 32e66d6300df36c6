import type { SendContext, SendResult } from "../channel-provider";
import { withAccessToken, type AccessToken, type TokenGrant } from "../oauth/oauth-token";
import { answerFailure, type ProviderAnswer, type Refusal } from "../provider-request";

/** US data centre. Other data centres: the token answer's `api_domain` (…zohoapis.eu, .in, .com.au…). */
export const ZOHO_DEFAULT_API = "https://www.zohoapis.com";

/** Zoho's error shape, at the top level or per record inside `data[]`. */
export type ZohoError = { code?: string; message?: string; status?: string; details?: Record<string, unknown> };
export type ZohoRecordResult = ZohoError & { details?: { id?: string; message_id?: string; duplicate_record?: { id?: string } } & Record<string, unknown> };

export function describeZohoError(error: ZohoError | null | undefined): string {
  if (!error) return "no error details in the answer";
  const field = typeof error.details?.api_name === "string" ? ` (field ${error.details.api_name})` : "";
  return `${[error.code, error.message].filter(Boolean).join(": ") || "no error details in the answer"}${field}`;
}

const isThrottled = (error: ZohoError | null | undefined) => error?.code === "TOO_MANY_REQUESTS";

export type ZohoAnswer = { ok: true; status: number; record: ZohoRecordResult } | { ok: false; result: SendResult; record?: ZohoRecordResult };

function apiDomain(context: SendContext, token: AccessToken): string {
  if (context.baseUrl && context.baseUrl !== ZOHO_DEFAULT_API) return context.baseUrl;
  const domain = token.response.api_domain;
  return typeof domain === "string" && /^https?:\/\//i.test(domain) ? domain.replace(/\/+$/, "") : ZOHO_DEFAULT_API;
}

/**
 * POSTs JSON to `{api_domain}/crm/v7{path}` with `Authorization: Zoho-oauthtoken`; a 401 (INVALID_TOKEN)
 * refreshes the token once. Zoho reports each record's outcome inside `data[]` (with 200, 201, 207 or 400),
 * so success means the first record's status is "success".
 */
export async function zohoPost(context: SendContext, grant: TokenGrant, path: string, payload: unknown): Promise<ZohoAnswer> {
  const answer = await withAccessToken(grant, context, "Zoho OAuth", (token) =>
    context.request({
      url: `${apiDomain(context, token)}/crm/v7${path}`,
      headers: { authorization: `Zoho-oauthtoken ${token.accessToken}` },
      json: payload,
      // A 400 with data[] is a record's own outcome (DUPLICATE_DATA…), which the caller reads first.
      accepts: ({ status, json }) => status === 400 && Array.isArray((json as { data?: unknown } | null)?.data),
      refusal: zohoRefusal,
    }),
  );
  if (!answer.ok) return { ok: false, result: answer };
  const record = (answer.json as { data?: ZohoRecordResult[] } | null)?.data?.[0];
  if (record?.status === "success" && answer.status < 300) return { ok: true, status: answer.status, record };
  return { ok: false, result: answerFailure(answer, zohoRefusal(answer) ?? { retryable: false }, context.secrets), ...(record ? { record } : {}) };
}

/** Zoho reports each record's outcome inside `data[]`, with 200, 201, 207 or 400 alike. */
function zohoRefusal({ status, json }: ProviderAnswer): Refusal | null {
  const body = json as (ZohoError & { data?: ZohoRecordResult[] }) | null;
  const record = Array.isArray(body?.data) ? body.data[0] : undefined;
  if (status < 300 && record?.status === "success") return null;
  const error = record ?? body;
  if (!error || (status < 300 && !record && !body?.code)) return status < 300 ? { error: "no record result in the answer", retryable: false } : null;
  return { error: describeZohoError(error), ...(isThrottled(error) ? { retryable: true } : status < 300 || status === 400 ? { retryable: false } : {}) };
}
