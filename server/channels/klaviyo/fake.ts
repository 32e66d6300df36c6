import { randomUUID } from "node:crypto";
import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

export type FakeKlaviyoOptions = {
  /** Accepted as `Authorization: Klaviyo-API-Key <privateKey>`. */
  privateKey: string;
  /** throttled: 429 with Retry-After; server-error: 503; no-scope: 403 (key without Events write access). */
  scenario?: "ok" | "throttled" | "server-error" | "no-scope";
};

export type FakeKlaviyo = FakeHttpServer & { events: Array<Record<string, unknown>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const JSON_API = "application/vnd.api+json";

function errors(status: number, code: string, title: string, detail: string, source?: { pointer?: string; parameter?: string }): FakeResponse {
  return { status, headers: { "content-type": JSON_API }, body: JSON.stringify({ errors: [{ id: randomUUID(), status, code, title, detail, ...(source ? { source } : {}), links: {}, meta: {} }] }) };
}

const invalid = (detail: string, pointer: string) => errors(400, "invalid", "Invalid input.", detail, { pointer });

/**
 * A local Klaviyo Create Event endpoint (`POST /api/events`): checks the private key, the required `revision`
 * header, JSON:API content type and accept, the event / metric / profile structure, email and E.164 phone,
 * and answers 202 with an empty body, or Klaviyo's JSON:API errors.
 */
export async function startFakeKlaviyo(options: FakeKlaviyoOptions): Promise<FakeKlaviyo> {
  const events: Array<Record<string, unknown>> = [];
  const server = await startFakeHttpServer((request): FakeResponse => {
    if (request.method !== "POST" || request.path !== "/api/events") return errors(404, "not_found", "Not found.", "The requested resource does not exist.");
    if (request.headers.authorization !== `Klaviyo-API-Key ${options.privateKey}`) {
      return errors(401, "not_authenticated", "Authentication credentials were not provided.", "Missing or invalid private key.");
    }
    if (options.scenario === "no-scope") return errors(403, "permission_denied", "You do not have permission to perform this action.", "This API key is missing required scopes: events:write.");
    if (options.scenario === "throttled") {
      return { ...errors(429, "throttled", "Request was throttled.", "Request was throttled. Expected available in 7 seconds."), headers: { "content-type": JSON_API, "retry-after": "7", "ratelimit-limit": "350", "ratelimit-remaining": "0", "ratelimit-reset": "7" } };
    }
    if (options.scenario === "server-error") return errors(503, "service_unavailable", "Service unavailable.", "The service is temporarily unavailable, please try again later.");
    const revision = request.headers.revision;
    if (typeof revision !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(revision)) return errors(400, "invalid", "Invalid input.", "A revision header is required.", { parameter: "revision" });
    if (!String(request.headers["content-type"] ?? "").startsWith(JSON_API)) return errors(415, "unsupported_media_type", "Unsupported media type.", `Unsupported media type "${String(request.headers["content-type"])}" in request.`);
    if (!String(request.headers.accept ?? "").includes(JSON_API)) return errors(406, "not_acceptable", "Could not satisfy the request Accept header.", "Accept must include application/vnd.api+json.");

    let body: { data?: { type?: unknown; attributes?: Record<string, unknown> } };
    try {
      body = JSON.parse(request.text);
    } catch {
      return errors(400, "parse_error", "Malformed request.", "JSON parse error.");
    }
    const attributes = body.data?.attributes;
    if (body.data?.type !== "event" || !attributes) return invalid("'event' type expected.", "/data/type");
    if (typeof attributes.properties !== "object" || attributes.properties === null) return invalid("This field is required.", "/data/attributes/properties");
    const metric = attributes.metric as { data?: { type?: unknown; attributes?: { name?: unknown } } } | undefined;
    if (metric?.data?.type !== "metric" || typeof metric.data.attributes?.name !== "string") return invalid("A metric name is required.", "/data/attributes/metric/data/attributes/name");
    const profile = (attributes.profile as { data?: { type?: unknown; attributes?: Record<string, unknown> } } | undefined)?.data;
    if (profile?.type !== "profile" || !profile.attributes) return invalid("This field is required.", "/data/attributes/profile");
    const { email, phone_number: phone } = profile.attributes;
    if (email !== undefined && (typeof email !== "string" || !EMAIL.test(email))) return invalid("Invalid email address", "/data/attributes/profile/data/attributes/email");
    if (phone !== undefined && (typeof phone !== "string" || !E164.test(phone))) return invalid("Invalid phone number format (Example of a valid phone number format: +12345678901)", "/data/attributes/profile/data/attributes/phone_number");
    if (email === undefined && phone === undefined) return invalid("A profile identifier (email, phone_number, external_id or id) is required.", "/data/attributes/profile/data/attributes");
    if (attributes.value !== undefined && typeof attributes.value !== "number") return invalid("A valid number is required.", "/data/attributes/value");
    events.push(attributes);
    return { status: 202, body: "" };
  });
  return Object.assign(server, { events });
}
