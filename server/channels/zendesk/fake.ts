import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

export type FakeZendeskOptions = {
  /** Accepted as Basic base64("<agentEmail>/token:<apiToken>"). */
  agentEmail: string;
  apiToken: string;
  /** Accepted as Bearer <oauthToken>. */
  oauthToken?: string;
  /** Answer every authenticated ticket request this way instead of creating a ticket. */
  scenario?: "ok" | "throttled" | "server-error";
};

export type FakeZendesk = FakeHttpServer & { tickets: Array<Record<string, unknown>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A local Zendesk Support API for `POST /api/v2/tickets.json`: checks the auth (API token or OAuth), the JSON
 * content type, the ticket fields Orderbell relies on, and honours `Idempotency-Key` (the first answer is
 * replayed with `x-idempotency-lookup: hit`). Answers with Zendesk's real success and error shapes.
 */
export async function startFakeZendesk(options: FakeZendeskOptions): Promise<FakeZendesk> {
  const tickets: Array<Record<string, unknown>> = [];
  const byKey = new Map<string, FakeResponse>();
  let nextId = 35436;

  const server = await startFakeHttpServer((request): FakeResponse => {
    if (request.method !== "POST" || request.path !== "/api/v2/tickets.json") {
      return { status: 404, body: { error: "InvalidEndpoint", description: "Not found" } };
    }
    if (!authorised(request, options)) return { status: 401, body: { error: "Couldn't authenticate you" } };
    if (options.scenario === "throttled") {
      return { status: 429, headers: { "retry-after": "30", "x-rate-limit": "200", "x-rate-limit-remaining": "0" }, body: { error: "APIRateLimitExceeded", description: "Number of allowed API requests per minute exceeded" } };
    }
    if (options.scenario === "server-error") return { status: 503, body: { error: "ServiceUnavailable", description: "Zendesk is temporarily unavailable" } };
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) {
      return { status: 400, body: { error: "InvalidContentType", description: "Content-Type must be application/json" } };
    }
    const key = request.headers["idempotency-key"];
    const seen = typeof key === "string" ? byKey.get(key) : undefined;
    if (seen) return { ...seen, headers: { ...seen.headers, "x-idempotency-lookup": "hit" } };

    const reply = createTicket(request, tickets, () => nextId++);
    if (typeof key !== "string") return reply;
    if (reply.status === 201) byKey.set(key, reply);
    return { ...reply, headers: { ...reply.headers, "x-idempotency-lookup": "miss" } };
  });
  return Object.assign(server, { tickets });
}

function authorised(request: CapturedRequest, options: FakeZendeskOptions): boolean {
  const header = String(request.headers.authorization ?? "");
  if (options.oauthToken && header === `Bearer ${options.oauthToken}`) return true;
  const basic = /^Basic (.+)$/.exec(header)?.[1];
  return basic !== undefined && Buffer.from(basic, "base64").toString("utf8") === `${options.agentEmail}/token:${options.apiToken}`;
}

function invalid(field: string, description: string): FakeResponse {
  return { status: 422, body: { error: "RecordInvalid", description: "Record validation errors", details: { [field]: [{ description, error: "InvalidValue" }] } } };
}

function createTicket(request: CapturedRequest, tickets: Array<Record<string, unknown>>, nextId: () => number): FakeResponse {
  let parsed: { ticket?: Record<string, unknown> };
  try {
    parsed = JSON.parse(request.text);
  } catch {
    return { status: 400, body: { error: "Unprocessable Entity", description: "The request body is not valid JSON" } };
  }
  const ticket = parsed.ticket;
  if (!ticket || typeof ticket !== "object") return invalid("ticket", "Ticket: is missing");
  const comment = ticket.comment as { body?: unknown; html_body?: unknown } | undefined;
  if (!comment || (typeof comment.body !== "string" && typeof comment.html_body !== "string")) return invalid("description", "Description: cannot be blank");
  const requester = ticket.requester as { name?: unknown; email?: unknown } | undefined;
  if (!requester || typeof requester.email !== "string" || !EMAIL.test(requester.email)) {
    return invalid("requester", `Requester: Email: ${String(requester?.email ?? "")} is not properly formatted`);
  }
  const id = nextId();
  tickets.push(ticket);
  return {
    status: 201,
    headers: { location: `https://acme.zendesk.com/api/v2/tickets/${id}.json` },
    body: {
      ticket: {
        url: `https://acme.zendesk.com/api/v2/tickets/${id}.json`,
        id,
        external_id: ticket.external_id ?? null,
        created_at: "2026-11-27T10:00:05Z",
        subject: ticket.subject ?? null,
        status: "new",
        requester_id: 20978392,
        submitter_id: 1900000001,
        tags: ticket.tags ?? [],
        custom_fields: ticket.custom_fields ?? [],
      },
      audit: { id: 2127301143, ticket_id: id, created_at: "2026-11-27T10:00:05Z", author_id: 1900000001, events: [{ id: 2127301163, type: "Comment", public: true }] },
    },
  };
}
