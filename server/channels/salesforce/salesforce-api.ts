import type { SendContext, SendResult } from "../channel-provider";
import { withAccessToken, type AccessToken, type TokenGrant } from "../oauth/oauth-token";
import { answerFailure, type ProviderAnswer, type Refusal } from "../provider-request";

/**
 * Every org has its own My Domain host, and the API host is the token answer's `instance_url`: this
 * placeholder is what the dashboard shows; with it (or no base URL at all) `send` uses `instance_url`.
 */
export const SALESFORCE_DEFAULT_BASE_URL = "https://{MyDomain}.my.salesforce.com";

/** Salesforce REST errors are a JSON array: `[{"message","errorCode","fields"}]`. */
export type SalesforceError = { message?: string; errorCode?: string; statusCode?: string; fields?: string[] };

export function describeSalesforceErrors(errors: SalesforceError[]): string {
  const text = errors
    .map((error) => {
      const code = error.errorCode ?? error.statusCode;
      const fields = error.fields && error.fields.length > 0 ? ` (fields: ${error.fields.join(", ")})` : "";
      return `${code ? `${code}: ` : ""}${error.message ?? "no message"}${fields}`;
    })
    .join("; ");
  return text || "no error details in the answer";
}

export function errorsOf(body: unknown): SalesforceError[] {
  if (Array.isArray(body)) return body.filter((item): item is SalesforceError => typeof item === "object" && item !== null);
  if (body && typeof body === "object") return [body as SalesforceError];
  return [];
}

/** Salesforce throttles with 403 REQUEST_LIMIT_EXCEEDED (the org's API allowance), not 429: worth retrying. */
function salesforceRefusal({ json }: ProviderAnswer): Refusal | null {
  const errors = errorsOf(json);
  if (errors.length === 0) return null;
  const limited = errors.some((error) => error.errorCode === "REQUEST_LIMIT_EXCEEDED");
  return { error: describeSalesforceErrors(errors), ...(limited ? { retryable: true } : {}) };
}

/** "acme" → https://acme.my.salesforce.com; "acme--dev.sandbox.my.salesforce.com" or a full URL kept as a URL. */
export function myDomainUrl(value: string): string | null {
  const trimmed = value.trim().replace(/\/+$/, "");
  if (!trimmed) return null;
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (trimmed.includes(".")) return `https://${trimmed}`;
  return /^[a-z0-9-]+$/i.test(trimmed) ? `https://${trimmed}.my.salesforce.com` : null;
}

function instanceUrl(token: AccessToken): string | null {
  const value = token.response.instance_url;
  return typeof value === "string" && /^https?:\/\//i.test(value) ? value.replace(/\/+$/, "") : null;
}

/** A failed answer keeps its status and body: an action's per-input result and DUPLICATE_VALUE need a closer look. */
export type SalesforceAnswer = { ok: true; status: number; body: unknown } | { ok: false; result: SendResult; status?: number; body?: unknown };

/**
 * POSTs JSON to `{instance}/services/data/{version}{path}` with a client-credentials token; a 401
 * (INVALID_SESSION_ID) refreshes the token once, and a second 401 is final.
 */
export async function salesforcePost(
  context: SendContext,
  grant: TokenGrant,
  fallbackHost: string,
  apiVersion: string,
  path: string,
  payload: unknown,
): Promise<SalesforceAnswer> {
  const override = context.baseUrl && context.baseUrl !== SALESFORCE_DEFAULT_BASE_URL ? context.baseUrl : null;
  const answer = await withAccessToken(grant, context, "Salesforce OAuth", (token) =>
    context.request({
      url: `${override ?? instanceUrl(token) ?? fallbackHost}/services/data/${apiVersion}${path}`,
      headers: { authorization: `Bearer ${token.accessToken}` },
      json: payload,
      // A 400 is read by the caller first: an action's per-input result, or DUPLICATE_VALUE on a record
      // an earlier attempt already created.
      accepts: ({ status }) => status === 400,
      refusal: salesforceRefusal,
    }),
  );
  if (!answer.ok) return { ok: false, result: answer };
  if (answer.status === 400) return { ok: false, status: 400, body: answer.json, result: answerFailure(answer, salesforceRefusal(answer), context.secrets) };
  return { ok: true, status: answer.status, body: answer.json };
}
