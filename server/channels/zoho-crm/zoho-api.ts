import type { SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure, readJson } from "../http-failure";
import { TokenError, withAccessToken, type AccessToken, type TokenGrant } from "../oauth/oauth-token";

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

/**
 * A token exchange that failed. Zoho answers a revoked refresh token or a wrong client with HTTP 200 and
 * `{"error":"invalid_code"}`: that is a credentials problem, not a passing one. Its token endpoint also
 * throttles ("Access Denied: You have made too many requests continuously"), which is worth retrying.
 */
export function zohoTokenFailure(error: TokenError): SendResult {
  const throttled = /too many requests|access denied/i.test(error.message);
  const permanent = !throttled && (error.permanent || error.status === 200);
  return { ok: false, retryable: !permanent, error: `Zoho OAuth: ${error.message}`, ...(error.status ? { httpStatus: error.status } : {}) };
}

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
  let response: Response;
  try {
    response = await withAccessToken(grant, context, (token) =>
      context.fetch(`${apiDomain(context, token)}/crm/v7${path}`, {
        method: "POST",
        headers: { authorization: `Zoho-oauthtoken ${token.accessToken}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(payload),
      }),
    );
  } catch (error) {
    if (error instanceof TokenError) return { ok: false, result: zohoTokenFailure(error) };
    return { ok: false, result: networkFailure(error, context.timeoutMs) };
  }
  const body = await readJson<ZohoError & { data?: ZohoRecordResult[] }>(response);
  const record = body?.data?.[0];
  if (record?.status === "success" && response.ok) return { ok: true, status: response.status, record };
  const error = record ?? body;
  const failure = httpFailure(response, describeZohoError(error), isThrottled(error) ? { retryable: true } : response.ok ? { retryable: false } : {});
  return { ok: false, result: failure, ...(record ? { record } : {}) };
}
