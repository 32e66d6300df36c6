import { createPublicKey, createVerify, generateKeyPairSync, randomBytes } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import { decodeWords, header as mimeHeader, MimeError, parseMime, textOf, type MimeEntity } from "./fake-mime";
import { GMAIL_SEND_SCOPE } from "./settings";

/**
 * A stand-in for Google's token endpoint (POST /token) and Gmail's `users.messages.send`, on one server.
 * The token endpoint checks the grant: client id, secret and refresh token, or a service account's RS256
 * JWT (signature verified with the account's public key, iss, aud, scope, sub, exp). The send endpoint
 * checks the Bearer token, the JSON `{raw}` body, the base64url alphabet, and decodes the MIME message
 * (CRLF, 7-bit headers with RFC 2047 words, MIME-Version, From, To, Subject, multipart/alternative)
 * before answering with Gmail's real shapes.
 */
export type GmailScenario = "success" | "token-rejected" | "rate-limited" | "user-rate-limit" | "daily-limit" | "insufficient-permissions" | "server-error";

export type FakeGmailOptions = {
  /** Refresh-token mode: the OAuth client and the token granted for `mailbox`. */
  oauthClient?: { clientId: string; clientSecret: string; refreshToken: string; mailbox: string };
  /** Service-account mode: the account and the mailboxes delegation allows it to act for. */
  serviceAccount?: { clientEmail: string; publicKeyPem: string; delegatedMailboxes: string[] };
  scenario?: GmailScenario;
  /** For "rate-limited": a Retry-After header. */
  retryAfterSeconds?: number;
};

export type SentMessage = { id: string; userId: string; mailbox: string; raw: string; mime: MimeEntity; text: string | null; html: string | null };

export type FakeGmail = FakeHttpServer & {
  tokenUrl: string;
  sent: SentMessage[];
  /** Access tokens handed out so far. */
  issuedTokens: string[];
  /** Makes every token issued so far invalid, as a revocation or early expiry would. */
  revokeAccessTokens(): void;
  setScenario(scenario: GmailScenario): void;
};

function googleError(code: number, status: string, message: string, reason: string, extra: Record<string, string> = {}, headers?: Record<string, string>): FakeResponse {
  return { status: code, headers, body: { error: { code, message, errors: [{ message, domain: extra.domain ?? "global", reason, ...extra }], status } } };
}

const header = (request: CapturedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** The bare address of a mailbox header value (`"Name" <a@b>`, `Name <a@b>` or `a@b`). */
function addressOf(value: string): string | null {
  const match = /<([^<>]+)>\s*$/.exec(value);
  const address = (match?.[1] ?? value).trim();
  return ADDRESS.test(address) ? address : null;
}

function verifyJwt(assertion: string, account: NonNullable<FakeGmailOptions["serviceAccount"]>, audience: string): { ok: true; sub: string | undefined } | { ok: false; response: FakeResponse } {
  const invalid = (description: string, error = "invalid_grant"): { ok: false; response: FakeResponse } => ({ ok: false, response: { status: 400, body: { error, error_description: description } } });
  const parts = assertion.split(".");
  if (parts.length !== 3) return invalid("Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.");
  const [encodedHeader, encodedClaims, signature] = parts as [string, string, string];
  let jwtHeader: { alg?: string };
  let claims: { iss?: string; scope?: string; aud?: string; iat?: number; exp?: number; sub?: string };
  try {
    jwtHeader = JSON.parse(Buffer.from(encodedHeader, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(encodedClaims, "base64url").toString("utf8"));
  } catch {
    return invalid("Invalid JWT: could not decode.");
  }
  if (jwtHeader.alg !== "RS256") return invalid("Invalid JWT: unsupported algorithm.");
  const valid = createVerify("RSA-SHA256").update(`${encodedHeader}.${encodedClaims}`).verify(createPublicKey(account.publicKeyPem), Buffer.from(signature, "base64url"));
  if (!valid || claims.iss !== account.clientEmail) return invalid("Invalid JWT Signature.");
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.iat !== "number" || typeof claims.exp !== "number" || claims.exp <= now || claims.iat > now + 60 || claims.exp - claims.iat > 3600) {
    return invalid("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
  }
  if (claims.aud !== audience) return invalid("Invalid JWT: audience is not the token endpoint.");
  if (!claims.scope?.split(" ").includes(GMAIL_SEND_SCOPE)) return invalid("Invalid OAuth scope or ID token audience provided.", "invalid_scope");
  if (claims.sub !== undefined && !account.delegatedMailboxes.includes(claims.sub)) {
    return {
      ok: false,
      response: { status: 401, body: { error: "unauthorized_client", error_description: "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested." } },
    };
  }
  return { ok: true, sub: claims.sub };
}

export async function startFakeGmail(options: FakeGmailOptions): Promise<FakeGmail> {
  let scenario: GmailScenario = options.scenario ?? "success";
  const sent: SentMessage[] = [];
  const issuedTokens: string[] = [];
  /** Valid access tokens and the mailbox each acts for. */
  const tokens = new Map<string, string>();
  let baseUrl = "";

  const issue = (mailbox: string): FakeResponse => {
    const token = `ya29.${randomBytes(24).toString("base64url")}`;
    tokens.set(token, mailbox);
    issuedTokens.push(token);
    return { status: 200, body: { access_token: token, expires_in: 3599, scope: GMAIL_SEND_SCOPE, token_type: "Bearer" } };
  };

  const tokenEndpoint = (request: CapturedRequest): FakeResponse => {
    if (!header(request, "content-type")?.startsWith("application/x-www-form-urlencoded")) return { status: 400, body: { error: "invalid_request", error_description: "Bad Request" } };
    const form = new URLSearchParams(request.text);
    const grantType = form.get("grant_type");
    if (grantType === "refresh_token") {
      const client = options.oauthClient;
      if (!client || form.get("client_id") !== client.clientId || form.get("client_secret") !== client.clientSecret) {
        return { status: 401, body: { error: "invalid_client", error_description: "Unauthorized" } };
      }
      if (form.get("refresh_token") !== client.refreshToken) return { status: 400, body: { error: "invalid_grant", error_description: "Token has been expired or revoked." } };
      return issue(client.mailbox);
    }
    if (grantType === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
      if (!options.serviceAccount) return { status: 400, body: { error: "invalid_grant", error_description: "Invalid JWT Signature." } };
      const checked = verifyJwt(form.get("assertion") ?? "", options.serviceAccount, `${baseUrl}/token`);
      if (!checked.ok) return checked.response;
      // Without "sub" the token acts for the service account itself, which has no Gmail mailbox.
      return issue(checked.sub ?? options.serviceAccount.clientEmail);
    }
    return { status: 400, body: { error: "unsupported_grant_type", error_description: `Invalid grant_type: ${grantType ?? ""}` } };
  };

  const sendEndpoint = (request: CapturedRequest, userId: string): FakeResponse => {
    const bearer = /^Bearer (.+)$/.exec(header(request, "authorization") ?? "")?.[1];
    const mailbox = bearer ? tokens.get(bearer) : undefined;
    if (!mailbox || scenario === "token-rejected") {
      return googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "authError", {
        location: "Authorization",
        locationType: "header",
      });
    }
    if (userId !== "me" && userId !== mailbox) return googleError(403, "PERMISSION_DENIED", `Delegation denied for ${mailbox}`, "forbidden");
    switch (scenario) {
      case "rate-limited":
        return googleError(429, "RESOURCE_EXHAUSTED", "Too many concurrent requests for user", "rateLimitExceeded", {}, options.retryAfterSeconds !== undefined ? { "retry-after": String(options.retryAfterSeconds) } : undefined);
      case "user-rate-limit":
        return googleError(403, "PERMISSION_DENIED", "User Rate Limit Exceeded", "userRateLimitExceeded", { domain: "usageLimits" });
      case "daily-limit":
        return googleError(403, "PERMISSION_DENIED", "Daily Limit Exceeded", "dailyLimitExceeded", { domain: "usageLimits" });
      case "insufficient-permissions":
        return googleError(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.", "insufficientPermissions");
      case "server-error":
        return googleError(500, "INTERNAL", "Backend Error", "backendError");
    }
    if (!header(request, "content-type")?.startsWith("application/json")) return googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.", "badRequest");
    let raw: unknown;
    try {
      raw = (JSON.parse(request.text) as { raw?: unknown }).raw;
    } catch {
      return googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.", "badRequest");
    }
    if (typeof raw !== "string" || raw === "") return googleError(400, "INVALID_ARGUMENT", "'raw' RFC822 payload message string or uploading message via /upload/* URL required", "invalidArgument");
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(raw)) return googleError(400, "INVALID_ARGUMENT", "Invalid value at 'message.raw' (TYPE_BYTES), Base64 decoding failed", "invalid");
    let mime: MimeEntity;
    try {
      mime = parseMime(Buffer.from(raw, "base64url"));
    } catch (error) {
      return googleError(400, "INVALID_ARGUMENT", error instanceof MimeError ? `Invalid MIME message: ${error.message}` : "Invalid MIME message", "invalidArgument");
    }
    if (mimeHeader(mime, "mime-version") !== "1.0") return googleError(400, "INVALID_ARGUMENT", "Missing MIME-Version: 1.0", "invalidArgument");
    const to = mimeHeader(mime, "to");
    if (!to || !to.split(",").every((part) => addressOf(part) !== null)) return googleError(400, "INVALID_ARGUMENT", "Invalid To header", "invalidArgument");
    const from = mimeHeader(mime, "from");
    if (!from || !addressOf(from)) return googleError(400, "INVALID_ARGUMENT", "Invalid From header", "invalidArgument");
    if (mimeHeader(mime, "subject") === undefined) return googleError(400, "INVALID_ARGUMENT", "Missing Subject header", "invalidArgument");
    let text: string | null = null;
    let html: string | null = null;
    if (mime.contentType.type === "multipart/alternative") {
      const types = mime.parts.map((part) => part.contentType.type);
      if (types[0] !== "text/plain") return googleError(400, "INVALID_ARGUMENT", "multipart/alternative should start with text/plain", "invalidArgument");
      text = textOf(mime.parts[0]!);
      const htmlPart = mime.parts.find((part) => part.contentType.type === "text/html");
      html = htmlPart ? textOf(htmlPart) : null;
    } else if (mime.contentType.type === "text/plain") {
      text = textOf(mime);
    } else {
      return googleError(400, "INVALID_ARGUMENT", `Unexpected Content-Type ${mime.contentType.type}`, "invalidArgument");
    }
    const id = randomBytes(8).toString("hex");
    sent.push({ id, userId, mailbox, raw, mime, text, html });
    return { status: 200, body: { id, threadId: id, labelIds: ["SENT"] } };
  };

  const server = await startFakeHttpServer((request) => {
    if (request.method === "POST" && request.path === "/token") return tokenEndpoint(request);
    const route = /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/.exec(request.path);
    if (request.method === "POST" && route) return sendEndpoint(request, decodeURIComponent(route[1]!));
    return googleError(404, "NOT_FOUND", "Not Found", "notFound");
  });
  baseUrl = server.url;
  return {
    ...server,
    tokenUrl: `${server.url}/token`,
    sent,
    issuedTokens,
    revokeAccessTokens: () => tokens.clear(),
    setScenario: (next) => void (scenario = next),
  };
}

/** A service account key pair, as the JSON key file holds the private half. */
export function serviceAccountKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

export { decodeWords };
