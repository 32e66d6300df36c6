import { createSign } from "node:crypto";
import type { SendContext } from "../channel-provider";
import type { ProviderAnswer, Refusal, SendFailure } from "../provider-request";

/**
 * OAuth 2.0 access tokens for providers that need them (Gmail, Microsoft Graph, Salesforce, Zoho): a real
 * exchange against the provider's token endpoint, cached in the process until shortly before it expires,
 * and dropped when the API answers 401 so the next attempt fetches a fresh one.
 */
export type TokenGrant =
  | { type: "client_credentials"; tokenUrl: string; clientId: string; clientSecret: string; scope?: string; extra?: Record<string, string> }
  | { type: "refresh_token"; tokenUrl: string; clientId: string; clientSecret: string; refreshToken: string; scope?: string }
  /** Google service account: a JWT signed with its private key, exchanged for a token (RFC 7523). */
  | { type: "jwt_bearer"; tokenUrl: string; clientEmail: string; privateKey: string; scope: string; subject?: string };

export type AccessToken = {
  ok: true;
  accessToken: string;
  /** The whole token response, for providers that return more (Salesforce instance_url, Zoho api_domain). */
  response: Record<string, unknown>;
  expiresAt: number;
};

function cacheKey(grant: TokenGrant): string {
  const who = grant.type === "jwt_bearer" ? `${grant.clientEmail}:${grant.subject ?? ""}` : grant.clientId;
  return `oauth:${grant.type}:${grant.tokenUrl}:${who}:${grant.scope ?? ""}`;
}

function jwtAssertion(grant: Extract<TokenGrant, { type: "jwt_bearer" }>, now: number): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const iat = Math.floor(now / 1000);
  const claims = { iss: grant.clientEmail, scope: grant.scope, aud: grant.tokenUrl, iat, exp: iat + 3600, ...(grant.subject ? { sub: grant.subject } : {}) };
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode(claims)}`;
  const signature = createSign("RSA-SHA256").update(unsigned).sign(grant.privateKey).toString("base64url");
  return `${unsigned}.${signature}`;
}

function formOf(grant: TokenGrant, now: number): URLSearchParams {
  switch (grant.type) {
    case "client_credentials":
      return new URLSearchParams({ grant_type: "client_credentials", client_id: grant.clientId, client_secret: grant.clientSecret, ...(grant.scope ? { scope: grant.scope } : {}), ...grant.extra });
    case "refresh_token":
      return new URLSearchParams({ grant_type: "refresh_token", client_id: grant.clientId, client_secret: grant.clientSecret, refresh_token: grant.refreshToken, ...(grant.scope ? { scope: grant.scope } : {}) });
    case "jwt_bearer":
      return new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: jwtAssertion(grant, now) });
  }
}

/**
 * Token endpoints answer RFC 6749 errors (`error`, `error_description`). A wrong client or a revoked grant
 * (400/401, or an error inside a 200 as Zoho does) needs a person to fix the credentials: permanent. A
 * throttled endpoint ("too many requests", Zoho's "Access Denied") clears with time.
 */
function tokenRefusal({ status, json }: ProviderAnswer): Refusal | null {
  const body = (json ?? {}) as Record<string, unknown>;
  if (typeof body.access_token === "string") return null;
  const reason = [body.error, body.error_description].filter((part) => typeof part === "string").join(": ") || null;
  if (reason && /too many requests|access denied/i.test(reason)) return { error: reason, retryable: true };
  if (status >= 200 && status < 300) return { error: reason ?? "no access token in the answer", retryable: body.error === undefined };
  return { error: reason };
}

/** A valid access token: from the cache, or a fresh exchange; else the exchange's failure, labelled. */
export async function getAccessToken(grant: TokenGrant, context: SendContext, label: string, now = Date.now()): Promise<AccessToken | SendFailure> {
  const key = cacheKey(grant);
  const cached = context.cache.get(key) as AccessToken | undefined;
  if (cached && cached.expiresAt > now + 60_000) {
    context.secrets.add(cached.accessToken);
    return cached;
  }
  const answer = await context.request({ url: grant.tokenUrl, form: formOf(grant, now), refusal: tokenRefusal, refusedInside: tokenRefusal });
  if (!answer.ok) return { ...answer, error: `${label}: ${answer.error}` };
  const body = answer.json as Record<string, unknown>;
  const accessToken = String(body.access_token);
  context.secrets.add(accessToken);
  const expiresIn = Number(body.expires_in ?? 3600);
  const token: AccessToken = { ok: true, accessToken, response: body, expiresAt: now + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000 };
  context.cache.set(key, token);
  return token;
}

/** Forgets a cached token, after the API refused it (401): the next attempt exchanges again. */
export function forgetAccessToken(grant: TokenGrant, context: Pick<SendContext, "cache">): void {
  context.cache.delete(cacheKey(grant));
}

/**
 * Runs an API call with a token, and when the API answers 401 once, refreshes the token and tries again:
 * tokens can be revoked or expire early. A second 401 is returned as it is, and is permanent.
 */
export async function withAccessToken(
  grant: TokenGrant,
  context: SendContext,
  label: string,
  call: (token: AccessToken) => Promise<ProviderAnswer | SendFailure>,
): Promise<ProviderAnswer | SendFailure> {
  const token = await getAccessToken(grant, context, label);
  if (!token.ok) return token;
  const first = await call(token);
  if (first.ok || first.httpStatus !== 401) return first;
  forgetAccessToken(grant, context);
  const fresh = await getAccessToken(grant, context, label);
  return fresh.ok ? call(fresh) : fresh;
}
