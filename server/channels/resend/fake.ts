import { createHash, randomUUID } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import { svixSignature } from "./svix-signature";

/**
 * A stand-in for `POST https://api.resend.com/emails` that enforces Resend's contract (Bearer key, JSON body
 * with from/to/subject and html or text, Idempotency-Key of 1–256 characters, same key + same body → same
 * id, same key + other body → 409) and answers with Resend's real body shapes. The recipient's local part
 * picks a failure:
 *   ratelimited@…  429 rate_limit_exceeded with retry-after and ratelimit-* headers
 *   quota@…        429 daily_quota_exceeded
 *   inflight@…     409 concurrent_idempotent_requests
 *   invalid@…      422 validation_error on `to`
 *   error@…        500 internal_server_error
 */
export type FakeResend = FakeHttpServer & { sent: Array<{ id: string; idempotencyKey: string | null; body: Record<string, unknown> }> };

const error = (status: number, name: string, message: string, headers?: Record<string, string>): FakeResponse => ({
  status,
  headers,
  body: { statusCode: status, message, name },
});

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const MAILBOX = /^(?:[^<>]*<([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>|([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+))$/;

export async function startFakeResend(options: { apiKey: string }): Promise<FakeResend> {
  const sent: FakeResend["sent"] = [];
  const idempotency = new Map<string, { bodyHash: string; id: string }>();

  const handle = (request: CapturedRequest): FakeResponse => {
    if (request.method !== "POST" || request.path !== "/emails") return error(405, "method_not_allowed", `Method ${request.method} ${request.path} is not allowed.`);
    const authorization = request.headers.authorization;
    if (!authorization) return error(401, "missing_api_key", "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY");
    if (authorization !== `Bearer ${options.apiKey}`) return error(403, "invalid_api_key", "API key is invalid");
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) return error(422, "validation_error", "Invalid content type: expected application/json.");

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return error(400, "validation_error", "We found an error with one or more fields in the request: the body is not valid JSON.");
    }
    for (const field of ["from", "to", "subject"]) {
      if (body[field] === undefined) return error(422, "missing_required_field", `Missing \`${field}\` field.`);
    }
    if (typeof body.from !== "string" || !MAILBOX.test(body.from)) {
      return error(422, "validation_error", "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.");
    }
    const to = Array.isArray(body.to) ? body.to : [body.to];
    if (to.length === 0 || to.length > 50) return error(422, "validation_error", "Invalid `to` field. Between 1 and 50 recipients are allowed.");
    if (typeof body.subject !== "string" || body.subject === "") return error(422, "validation_error", "Invalid `subject` field.");
    if (typeof body.html !== "string" && typeof body.text !== "string") return error(422, "validation_error", "Missing `html` or `text` field.");

    const key = typeof request.headers["idempotency-key"] === "string" ? request.headers["idempotency-key"] : null;
    if (key !== null && (key.length < 1 || key.length > 256)) return error(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");

    const local = String(to[0]).split("@")[0];
    if (local === "ratelimited") {
      return error(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.", {
        "ratelimit-limit": "2",
        "ratelimit-remaining": "0",
        "ratelimit-reset": "1",
        "retry-after": "1",
      });
    }
    if (local === "quota") return error(429, "daily_quota_exceeded", "You have reached your daily email sending quota.", { "retry-after": "3600" });
    if (local === "inflight") return error(409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress.");
    if (local === "error") return error(500, "internal_server_error", "An unexpected error occurred.");
    if (!to.every((address) => typeof address === "string" && EMAIL.test(address)) || local === "invalid") {
      return error(422, "validation_error", "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.");
    }

    const bodyHash = createHash("sha256").update(request.text).digest("hex");
    if (key !== null) {
      const previous = idempotency.get(key);
      if (previous && previous.bodyHash !== bodyHash) return error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
      if (previous) return { status: 200, body: { id: previous.id } };
    }
    const id = randomUUID();
    if (key !== null) idempotency.set(key, { bodyHash, id });
    sent.push({ id, idempotencyKey: key, body });
    return { status: 200, body: { id } };
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { sent });
}

/** A Resend webhook delivery signed the way Svix signs it, as our status endpoint receives it. */
export function signedResendWebhook(secret: string, event: object, options: { timestamp?: number; id?: string } = {}) {
  const body = Buffer.from(JSON.stringify(event));
  const id = options.id ?? `msg_${randomUUID().replace(/-/g, "")}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers = new Headers({
    "content-type": "application/json",
    "svix-id": id,
    "svix-timestamp": timestamp,
    // Svix sends one entry per active secret; an unrelated one in front proves any entry may match.
    "svix-signature": `v1,${Buffer.from("not-this-one").toString("base64")} ${svixSignature(secret, id, timestamp, body)}`,
  });
  return { url: "https://orders.shop.example/api/status/channel-1", method: "POST", headers, body };
}
