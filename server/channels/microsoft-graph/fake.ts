import { randomBytes, randomUUID } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import { GRAPH_SCOPE } from "./settings";

/**
 * A stand-in for the Microsoft identity platform's token endpoint (`POST /{tenant}/oauth2/v2.0/token`,
 * client credentials) and Graph's `POST /v1.0/users/{mailbox}/sendMail`. The token endpoint checks the
 * tenant, client id, secret and the `.default` scope; sendMail checks the Bearer token, the mailbox, the
 * JSON message (subject, body type, recipients, X- headers, Send As) and answers 202 with no body, or
 * Graph's `{"error":{"code","message","innerError"}}`.
 */
export type GraphScenario = "success" | "token-rejected" | "throttled" | "unavailable" | "gateway-timeout";

export type FakeGraphOptions = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Mailboxes that exist, by principal name. */
  mailboxes: string[];
  /** Mailboxes that exist but cannot use REST (inactive, soft-deleted, on-premises). */
  restDisabledMailboxes?: string[];
  /** Extra From addresses each mailbox may send as. */
  sendAs?: Record<string, string[]>;
  scenario?: GraphScenario;
  /** For "throttled". */
  retryAfterSeconds?: number;
};

export type GraphSent = { mailbox: string; body: { message: Record<string, unknown>; saveToSentItems?: boolean } };

export type FakeGraph = FakeHttpServer & {
  tokenUrl: string;
  sent: GraphSent[];
  issuedTokens: string[];
  revokeAccessTokens(): void;
  setScenario(scenario: GraphScenario): void;
};

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function graphError(status: number, code: string, message: string, headers?: Record<string, string>): FakeResponse {
  const requestId = randomUUID();
  return { status, headers, body: { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), "request-id": requestId, "client-request-id": requestId } } } };
}

function tokenError(status: number, error: string, description: string): FakeResponse {
  return { status, body: { error, error_description: `${description}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)] } };
}

const header = (request: CapturedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

type Recipient = { emailAddress?: { address?: unknown; name?: unknown } };

function checkMessage(mailbox: string, body: Record<string, unknown>, options: FakeGraphOptions): FakeResponse | null {
  const message = body.message as Record<string, unknown> | undefined;
  if (!message || typeof message !== "object") return graphError(400, "ErrorInvalidRequest", "The message is required.");
  if (body.saveToSentItems !== undefined && typeof body.saveToSentItems !== "boolean") return graphError(400, "BadRequest", "Invalid value for saveToSentItems.");
  if (message.subject !== undefined && typeof message.subject !== "string") return graphError(400, "BadRequest", "Invalid subject.");
  const messageBody = message.body as { contentType?: unknown; content?: unknown } | undefined;
  if (!messageBody || typeof messageBody.content !== "string" || !/^(text|html)$/i.test(String(messageBody.contentType))) {
    return graphError(400, "BadRequest", "Cannot convert the literal to 'microsoft.graph.bodyType': body.contentType must be Text or HTML.");
  }
  const recipients = message.toRecipients;
  if (!Array.isArray(recipients) || recipients.length === 0) return graphError(400, "ErrorInvalidRecipients", "At least one recipient is not valid., A message can't be sent because it contains no recipients.");
  for (const recipient of recipients as Recipient[]) {
    const address = recipient.emailAddress?.address;
    if (typeof address !== "string" || !ADDRESS.test(address)) {
      return graphError(400, "ErrorInvalidRecipients", `At least one recipient is not valid., Recipient '${String(address)}' is not resolved. All recipients must be resolved before a message can be submitted.`);
    }
  }
  const headers = message.internetMessageHeaders;
  if (headers !== undefined) {
    if (!Array.isArray(headers)) return graphError(400, "BadRequest", "internetMessageHeaders must be a collection.");
    for (const item of headers as Array<{ name?: unknown; value?: unknown }>) {
      if (typeof item.name !== "string" || !/^x-/i.test(item.name)) {
        return graphError(400, "InvalidInternetMessageHeader", `The internet message header name '${String(item.name)}' should start with 'x-' or 'X-'.`);
      }
      if (typeof item.value !== "string") return graphError(400, "InvalidInternetMessageHeader", "The internet message header value must be a string.");
    }
  }
  const from = (message.from as Recipient | undefined)?.emailAddress?.address;
  if (from !== undefined) {
    if (typeof from !== "string" || !ADDRESS.test(from)) return graphError(400, "ErrorInvalidRecipients", "The From address is not valid.");
    const allowed = [mailbox, ...(options.sendAs?.[mailbox] ?? [])].map((address) => address.toLowerCase());
    if (!allowed.includes(from.toLowerCase())) {
      return graphError(403, "ErrorSendAsDenied", "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.");
    }
  }
  return null;
}

export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  let scenario: GraphScenario = options.scenario ?? "success";
  const sent: GraphSent[] = [];
  const issuedTokens: string[] = [];
  const tokens = new Set<string>();

  const tokenEndpoint = (request: CapturedRequest, tenant: string): FakeResponse => {
    if (tenant !== options.tenantId) return tokenError(400, "invalid_request", `AADSTS90002: Tenant '${tenant}' not found.`);
    if (!header(request, "content-type")?.startsWith("application/x-www-form-urlencoded")) return tokenError(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
    const form = new URLSearchParams(request.text);
    if (form.get("grant_type") !== "client_credentials") return tokenError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
    if (form.get("client_id") !== options.clientId) return tokenError(400, "unauthorized_client", `AADSTS700016: Application with identifier '${form.get("client_id") ?? ""}' was not found in the directory.`);
    if (form.get("client_secret") !== options.clientSecret) {
      return tokenError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
    }
    if (form.get("scope") !== GRAPH_SCOPE) return tokenError(400, "invalid_scope", `AADSTS1002012: The provided value for scope ${form.get("scope") ?? ""} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);
    const token = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
    tokens.add(token);
    issuedTokens.push(token);
    return { status: 200, body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: token } };
  };

  const sendMail = (request: CapturedRequest, mailbox: string): FakeResponse => {
    const bearer = /^Bearer (.+)$/.exec(header(request, "authorization") ?? "")?.[1];
    if (!bearer) return graphError(401, "InvalidAuthenticationToken", "Access token is empty.");
    if (!tokens.has(bearer) || scenario === "token-rejected") return graphError(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
    if (scenario === "throttled") {
      return graphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", options.retryAfterSeconds !== undefined ? { "retry-after": String(options.retryAfterSeconds) } : undefined);
    }
    if (scenario === "unavailable") return graphError(503, "ServiceUnavailable", "The service is temporarily unavailable. Please retry later.");
    if (scenario === "gateway-timeout") return graphError(504, "UnknownError", "");
    if (options.restDisabledMailboxes?.includes(mailbox)) return graphError(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
    if (!options.mailboxes.includes(mailbox)) return graphError(404, "ErrorInvalidUser", `The requested user '${mailbox}' is invalid.`);
    if (!header(request, "content-type")?.startsWith("application/json")) return graphError(415, "UnsupportedMediaType", "Content-Type must be application/json.");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return graphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
    }
    const refusal = checkMessage(mailbox, body, options);
    if (refusal) return refusal;
    sent.push({ mailbox, body: body as GraphSent["body"] });
    return { status: 202 };
  };

  const server = await startFakeHttpServer((request) => {
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(request.path);
    if (request.method === "POST" && token) return tokenEndpoint(request, decodeURIComponent(token[1]!));
    const send = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(request.path);
    if (request.method === "POST" && send) return sendMail(request, decodeURIComponent(send[1]!));
    return graphError(400, "BadRequest", `Resource not found for the segment '${request.path.split("/").pop() ?? ""}'.`);
  });
  return {
    ...server,
    tokenUrl: `${server.url}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`,
    sent,
    issuedTokens,
    revokeAccessTokens: () => tokens.clear(),
    setScenario: (next) => void (scenario = next),
  };
}
