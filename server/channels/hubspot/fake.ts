import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

export type FakeHubSpotOptions = {
  /** Accepted as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** The one published transactional email id the account has. */
  emailId?: number;
  /**
   * throttled: 429 RATE_LIMITS with the rate-limit headers and no Retry-After; server-error: 502;
   * send-throttled: 200 from the send endpoint whose sendResult is THROTTLED; missing-scope: 403.
   */
  scenario?: "ok" | "throttled" | "server-error" | "send-throttled" | "missing-scope";
};

export type FakeHubSpot = FakeHttpServer & {
  contacts: Map<string, { id: string; properties: Record<string, string> }>;
  notes: Array<Record<string, unknown>>;
  sends: Array<Record<string, unknown>>;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const correlationId = "aeb5f871-7f07-4993-9211-075dc63e7cbf";

function error(status: number, category: string, message: string, extra: Record<string, unknown> = {}): FakeResponse {
  return { status, body: { status: "error", message, correlationId, category, ...extra } };
}

/**
 * A local HubSpot API for the three calls Orderbell makes: contacts batch upsert by email, transactional
 * single send, and note creation with a note → contact association (type 202). Checks the Bearer token, JSON,
 * required fields and the association, and answers with HubSpot's real success and error shapes.
 */
export async function startFakeHubSpot(options: FakeHubSpotOptions): Promise<FakeHubSpot> {
  const contacts = new Map<string, { id: string; properties: Record<string, string> }>();
  const notes: Array<Record<string, unknown>> = [];
  const sends: Array<Record<string, unknown>> = [];
  const statusBySendId = new Map<string, string>();
  let nextId = 51;

  const server = await startFakeHttpServer((request) => {
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
      return error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
    }
    if (options.scenario === "throttled") {
      return {
        ...error(429, "RATE_LIMITS", "You have reached your ten_secondly_rolling limit.", { errorType: "RATE_LIMIT", policyName: "TEN_SECONDLY_ROLLING" }),
        headers: { "x-hubspot-ratelimit-interval-milliseconds": "10000", "x-hubspot-ratelimit-max": "100", "x-hubspot-ratelimit-remaining": "0" },
      };
    }
    if (options.scenario === "server-error") return { status: 502, body: { status: "error", message: "Bad Gateway", correlationId, category: "BAD_GATEWAY" } };
    if (options.scenario === "missing-scope") {
      return error(403, "MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call.", { errors: [{ message: "One or more of the following scopes are required.", context: { requiredGranularScopes: ["crm.objects.contacts.write"] } }] });
    }
    if (request.method !== "POST" || !String(request.headers["content-type"] ?? "").startsWith("application/json")) {
      return error(415, "VALIDATION_ERROR", "Unsupported Media Type: POST application/json expected");
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return error(400, "VALIDATION_ERROR", "Invalid input JSON on line 1");
    }
    switch (request.path) {
      case "/crm/v3/objects/contacts/batch/upsert":
        return upsert(body, contacts, () => String(nextId++));
      case "/marketing/v3/transactional/single-email/send":
        return singleSend(body, options, sends, statusBySendId);
      case "/crm/v3/objects/notes":
        return createNote(body, contacts, notes, () => String(9000 + nextId++));
      default:
        return { status: 404, body: "" };
    }
  });
  return Object.assign(server, { contacts, notes, sends });
}

function upsert(body: Record<string, unknown>, contacts: FakeHubSpot["contacts"], nextId: () => string): FakeResponse {
  const inputs = body.inputs as Array<{ idProperty?: unknown; id?: unknown; properties?: Record<string, string> }> | undefined;
  const input = inputs?.[0];
  if (!input || inputs.length !== 1 || typeof input.id !== "string") return error(400, "VALIDATION_ERROR", "Invalid input JSON: inputs[0].id is required");
  if (input.idProperty !== "email") return error(400, "VALIDATION_ERROR", `Unable to perform update/upsert by non-unique 0-1 property ${String(input.idProperty)}`);
  if (!EMAIL.test(input.id)) {
    return error(400, "VALIDATION_ERROR", `Property values were not valid: [{"isValid":false,"message":"Email address ${input.id} is invalid","error":"INVALID_EMAIL","name":"email","localizedErrorMessage":"Email address ${input.id} is invalid"}]`);
  }
  const existing = contacts.get(input.id);
  const contact = { id: existing?.id ?? nextId(), properties: { ...existing?.properties, ...input.properties, email: input.id } };
  contacts.set(input.id, contact);
  return {
    status: 200,
    body: {
      status: "COMPLETE",
      results: [{ id: contact.id, properties: contact.properties, createdAt: "2026-11-27T10:00:01.000Z", updatedAt: "2026-11-27T10:00:01.000Z", archived: false, new: !existing }],
      startedAt: "2026-11-27T10:00:01.000Z",
      completedAt: "2026-11-27T10:00:01.100Z",
    },
  };
}

function singleSend(body: Record<string, unknown>, options: FakeHubSpotOptions, sends: Array<Record<string, unknown>>, statusBySendId: Map<string, string>): FakeResponse {
  const message = body.message as { to?: unknown; sendId?: unknown } | undefined;
  if (!Number.isInteger(body.emailId)) return error(400, "VALIDATION_ERROR", "Invalid input JSON: emailId must be an integer");
  if (!message || typeof message.to !== "string") return error(400, "VALIDATION_ERROR", "Invalid input JSON: message.to is required");
  if (body.emailId !== options.emailId) return error(400, "VALIDATION_ERROR", `Email ${String(body.emailId)} does not exist or is not a published transactional email`);
  if (typeof body.customProperties !== "object" || typeof body.contactProperties !== "object") return error(400, "VALIDATION_ERROR", "Invalid input JSON: contactProperties and customProperties are required");
  const requestedAt = "2026-11-27T10:00:02.000Z";
  if (options.scenario === "send-throttled") return { status: 200, body: { status: "COMPLETE", statusId: "status-throttled", sendResult: "THROTTLED", requestedAt } };
  const sendId = typeof message.sendId === "string" ? message.sendId : null;
  const repeated = sendId ? statusBySendId.get(sendId) : undefined;
  if (repeated) return { status: 200, body: { status: "COMPLETE", statusId: repeated, sendResult: "IDEMPOTENT_IGNORE", requestedAt } };
  const statusId = `b7c1d2e3-${String(sends.length + 1).padStart(4, "0")}-4f00-9a00-5e0d0c0a0b01`;
  if (sendId) statusBySendId.set(sendId, statusId);
  sends.push(body);
  return { status: 200, body: { status: "PENDING", statusId, requestedAt, eventId: { id: "9a3b5c7d-1e2f-4a6b-8c0d-2e4f6a8b0c1d", created: requestedAt } } };
}

function createNote(body: Record<string, unknown>, contacts: FakeHubSpot["contacts"], notes: Array<Record<string, unknown>>, nextId: () => string): FakeResponse {
  const properties = body.properties as Record<string, unknown> | undefined;
  if (!properties || typeof properties.hs_timestamp !== "string" || Number.isNaN(Date.parse(properties.hs_timestamp))) {
    return error(400, "VALIDATION_ERROR", "Property values were not valid: hs_timestamp is required and must be a datetime");
  }
  if (typeof properties.hs_note_body !== "string" || properties.hs_note_body === "") return error(400, "VALIDATION_ERROR", "Property values were not valid: hs_note_body is required");
  const association = (body.associations as Array<{ to?: { id?: unknown }; types?: Array<{ associationCategory?: unknown; associationTypeId?: unknown }> }> | undefined)?.[0];
  const type = association?.types?.[0];
  if (type?.associationCategory !== "HUBSPOT_DEFINED" || type.associationTypeId !== 202) {
    return error(400, "VALIDATION_ERROR", "association type 202 (note to contact) expected");
  }
  if (![...contacts.values()].some((contact) => contact.id === association?.to?.id)) {
    return error(400, "VALIDATION_ERROR", `One or more associations are invalid: contact ${String(association?.to?.id)} does not exist`);
  }
  const id = nextId();
  notes.push(body);
  return { status: 201, body: { id, properties: { ...properties, hs_object_id: id }, createdAt: "2026-11-27T10:00:02.000Z", updatedAt: "2026-11-27T10:00:02.000Z", archived: false } };
}
