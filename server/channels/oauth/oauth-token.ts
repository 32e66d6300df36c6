import { createSign } from "node:crypto";
import type { SendContext } from "../channel-provider";

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
  accessToken: string;
  /** The whole token response, for providers that return more (Salesforce instance_url, Zoho api_domain). */
  response: Record<string, unknown>;
  expiresAt: number;
};

export class TokenError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** Bad client id/secret, revoked refresh token: trying again will not help. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

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

/** A valid access token: from the cache, or a fresh exchange. Throws TokenError when the exchange fails. */
export async function getAccessToken(grant: TokenGrant, context: Pick<SendContext, "fetch" | "cache">, now = Date.now()): Promise<AccessToken> {
  const key = cacheKey(grant);
  const cached = context.cache.get(key) as AccessToken | undefined;
  if (cached && cached.expiresAt > now + 60_000) return cached;
  let response: Response;
  try {
    response = await context.fetch(grant.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: formOf(grant, now).toString(),
    });
  } catch {
    throw new TokenError("could not reach the token endpoint", null, false);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== "string") {
    const reason = [body.error, body.error_description].filter((part) => typeof part === "string").join(": ") || "no access token in the answer";
    // 400/401 from a token endpoint means wrong client or a revoked grant: a person must fix the credentials.
    throw new TokenError(`token endpoint answered ${response.status}: ${reason}`, response.status, response.status === 400 || response.status === 401);
  }
  const expiresIn = Number(body.expires_in ?? 3600);
  const token: AccessToken = { accessToken: body.access_token, response: body, expiresAt: now + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000 };
  context.cache.set(key, token);
  return token;
}

/** Forgets a cached token, after the API refused it (401): the next attempt exchanges again. */
export function forgetAccessToken(grant: TokenGrant, context: Pick<SendContext, "cache">): void {
  context.cache.delete(cacheKey(grant));
}

/**
 * Runs an API call with a token, and when the API answers 401 once, refreshes the token and tries again:
 * tokens can be revoked or expire early.
 */
export async function withAccessToken(grant: TokenGrant, context: Pick<SendContext, "fetch" | "cache">, call: (token: AccessToken) => Promise<Response>): Promise<Response> {
  const first = await call(await getAccessToken(grant, context));
  if (first.status !== 401) return first;
  forgetAccessToken(grant, context);
  return call(await getAccessToken(grant, context));
}
