import { createVerify, randomBytes, type KeyObject } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

/**
 * A stand-in for Google Chat and Google's token endpoint:
 * - `POST /token`: the jwt-bearer grant, checking the assertion's RS256 signature with the service
 *   account's public key, its issuer, audience (this URL) and scope; answers `{access_token, expires_in}`.
 * - `POST /v1/spaces/{space}/messages?requestId&messageId` with a Bearer token it issued: a repeated
 *   requestId returns the message already created; a taken messageId gets 409 ALREADY_EXISTS.
 * - `POST /v1/spaces/{space}/messages?key&token`: an incoming webhook registered in the options.
 * Both need JSON (charset UTF-8) with `text` ≤ 32,000 bytes and answer a Message `{name, thread:{name}…}`
 * or `{error:{code, message, status}}`. Failures by space: spaces/NOTFOUND 404 NOT_FOUND, spaces/FORBIDDEN
 * 403 PERMISSION_DENIED, spaces/BUSY 429 RESOURCE_EXHAUSTED, spaces/DOWN 503 UNAVAILABLE.
 */
export type FakeGoogleChatOptions = { clientEmail: string; publicKey: KeyObject; webhooks: Array<{ space: string; key: string; token: string }> };
export type FakeGoogleChat = FakeHttpServer & {
  tokenUrl: string;
  messages: Array<{ name: string; requestId: string | null; body: Record<string, unknown> }>;
  /** Makes every token issued so far invalid, as a revoked or expired token would be. */
  revokeTokens(): void;
};

const chatError = (code: number, status: string, message: string): FakeResponse => ({ status: code, body: { error: { code, message, status } } });

const SPACE_ERRORS: Record<string, FakeResponse> = {
  "spaces/NOTFOUND": chatError(404, "NOT_FOUND", "Requested entity was not found."),
  "spaces/FORBIDDEN": chatError(403, "PERMISSION_DENIED", "The caller does not have permission"),
  "spaces/BUSY": chatError(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."),
  "spaces/DOWN": chatError(503, "UNAVAILABLE", "The service is currently unavailable."),
};

function decodeJwt(assertion: string, publicKey: KeyObject): Record<string, unknown> | null {
  const [header, claims, signature] = assertion.split(".");
  if (!header || !claims || !signature) return null;
  if ((JSON.parse(Buffer.from(header, "base64url").toString()) as { alg?: unknown }).alg !== "RS256") return null;
  const valid = createVerify("RSA-SHA256").update(`${header}.${claims}`).verify(publicKey, Buffer.from(signature, "base64url"));
  return valid ? (JSON.parse(Buffer.from(claims, "base64url").toString()) as Record<string, unknown>) : null;
}

export async function startFakeGoogleChat(options: FakeGoogleChatOptions): Promise<FakeGoogleChat> {
  const messages: FakeGoogleChat["messages"] = [];
  const tokens = new Set<string>();
  let tokenUrl = "";

  const token = (request: CapturedRequest): FakeResponse => {
    if (!String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return { status: 400, body: { error: "invalid_request", error_description: "Bad Request" } };
    const form = new URLSearchParams(request.text);
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return { status: 400, body: { error: "unsupported_grant_type", error_description: "Invalid grant_type: " } };
    const claims = decodeJwt(form.get("assertion") ?? "", options.publicKey);
    if (!claims) return { status: 400, body: { error: "invalid_grant", error_description: "Invalid JWT Signature." } };
    if (claims.iss !== options.clientEmail) return { status: 400, body: { error: "invalid_grant", error_description: "Invalid issuer." } };
    if (claims.aud !== tokenUrl) return { status: 400, body: { error: "invalid_grant", error_description: "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe." } };
    if (!String(claims.scope ?? "").split(" ").includes("https://www.googleapis.com/auth/chat.bot")) return { status: 400, body: { error: "invalid_scope", error_description: "Invalid OAuth scope." } };
    const accessToken = `ya29.${randomBytes(24).toString("base64url")}`;
    tokens.add(accessToken);
    return { status: 200, body: { access_token: accessToken, expires_in: 3599, token_type: "Bearer" } };
  };

  const create = (request: CapturedRequest, space: string): FakeResponse => {
    const webhook = request.query.has("key") || request.query.has("token");
    if (webhook) {
      const known = options.webhooks.find((hook) => hook.space === space && hook.key === request.query.get("key") && hook.token === request.query.get("token"));
      if (!known) return chatError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
    } else {
      const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1];
      if (!bearer || !tokens.has(bearer)) return chatError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
    }
    if (String(request.headers["content-type"] ?? "").toLowerCase() !== "application/json; charset=utf-8") return chatError(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Expected application/json; charset=UTF-8.");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return chatError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
    }
    if (typeof body.text !== "string" || body.text === "") return chatError(400, "INVALID_ARGUMENT", "Message cannot be empty. Discarded message must have at least one of text, cardsV2 or attachments.");
    if (Buffer.byteLength(body.text) > 32_000) return chatError(400, "INVALID_ARGUMENT", "Message is too long. The maximum size is 32000 bytes.");
    const messageId = request.query.get("messageId");
    if (messageId !== null && !/^client-[a-z0-9-]{1,56}$/.test(messageId)) return chatError(400, "INVALID_ARGUMENT", "Invalid message ID: must start with client- and contain at most 63 lowercase letters, digits and hyphens.");
    const scenario = SPACE_ERRORS[space];
    if (scenario) return scenario;

    const requestId = request.query.get("requestId");
    const earlier = requestId ? messages.find((message) => message.requestId === requestId) : undefined;
    const name = `${space}/messages/${messageId ?? `${randomBytes(8).toString("hex")}.${randomBytes(8).toString("hex")}`}`;
    if (!earlier && messages.some((message) => message.name === name)) return chatError(409, "ALREADY_EXISTS", `Message ${name} already exists.`);
    const message = earlier ?? { name, requestId, body };
    if (!earlier) messages.push(message);
    return {
      status: 200,
      body: {
        name: message.name,
        sender: { name: webhook ? "users/114022495153014004089" : "users/app", type: "BOT" },
        createTime: new Date().toISOString(),
        text: message.body.text,
        thread: { name: `${space}/threads/${randomBytes(6).toString("hex")}` },
        space: { name: space, type: "ROOM", spaceType: "SPACE" },
      },
    };
  };

  const handle = (request: CapturedRequest): FakeResponse => {
    if (request.method !== "POST") return chatError(405, "METHOD_NOT_ALLOWED", "Method not allowed");
    if (request.path === "/token") return token(request);
    const path = /^\/v1\/(spaces\/[^/]+)\/messages$/.exec(request.path);
    if (!path) return chatError(404, "NOT_FOUND", "The requested URL was not found on this server.");
    return create(request, path[1]!);
  };

  const server = await startFakeHttpServer(handle);
  tokenUrl = `${server.url}/token`;
  return Object.assign(server, { tokenUrl, messages, revokeTokens: () => tokens.clear() });
}
