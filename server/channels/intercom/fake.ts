import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

export type FakeIntercomOptions = {
  /** Accepted as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** The teammate that may send. */
  adminId: number;
  /** Contacts already in the workspace. */
  contacts?: Array<{ id: string; role: "user" | "lead"; email: string }>;
  /**
   * throttled: 429 with X-RateLimit-* headers (reset 10 s ahead) and no Retry-After; server-error: 503;
   * race: the search finds nothing but the contact exists, so creation answers 409 with its id.
   */
  scenario?: "ok" | "throttled" | "server-error" | "race";
};

type Contact = { id: string; role: "user" | "lead"; email: string; name?: string; phone?: string };

export type FakeIntercom = FakeHttpServer & { contacts: Contact[]; messages: Array<Record<string, unknown>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const REQUEST_ID = "000q5a3g7k0bqhcdj0s0";

function errorList(status: number, code: string, message: string, headers?: Record<string, string>): FakeResponse {
  return { status, ...(headers ? { headers } : {}), body: { type: "error.list", request_id: REQUEST_ID, errors: [{ code, message }] } };
}

const contactView = (contact: Contact) => ({ type: "contact", id: contact.id, workspace_id: "ecahpwf5", role: contact.role, email: contact.email, name: contact.name ?? null, phone: contact.phone ?? null, has_hard_bounced: false, created_at: 1796032800, updated_at: 1796032800 });

/**
 * A local Intercom REST API (version 2.14): contact search by email, contact creation (409 on a duplicate,
 * naming the existing id), `POST /messages` for an admin email (which starts a conversation, as the
 * message model's `conversation_id` says) and `POST /conversations/search` on `source.body`, matched word by
 * word as the description of that search explains; checking the Bearer token, the `Intercom-Version`
 * header, JSON, the email message's required fields, the admin and the recipient.
 */
export async function startFakeIntercom(options: FakeIntercomOptions): Promise<FakeIntercom> {
  const contacts: Contact[] = [...(options.contacts ?? [])];
  const messages: Array<Record<string, unknown>> = [];
  const conversations: Array<{ id: string; body: string }> = [];

  const server = await startFakeHttpServer((request): FakeResponse => {
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) return errorList(401, "unauthorized", "Access Token Invalid");
    if (request.headers["intercom-version"] !== "2.14") return errorList(400, "intercom_version_invalid", "Requested version is not valid");
    if (options.scenario === "throttled") {
      const reset = String(Math.floor(Date.now() / 1000) + 10);
      return errorList(429, "rate_limit_exceeded", "You have exceeded the rate limit. Please try again later.", { "x-ratelimit-limit": "166", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset });
    }
    if (options.scenario === "server-error") return errorList(503, "service_unavailable", "Sorry, the API service is temporarily unavailable");
    if (request.method !== "POST" || !String(request.headers["content-type"] ?? "").startsWith("application/json")) return errorList(404, "not_found", "Resource Not Found");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return errorList(400, "parameter_invalid", "Invalid JSON");
    }
    switch (request.path) {
      case "/contacts/search":
        return search(body);
      case "/contacts":
        return create(body);
      case "/messages":
        return sendMessage(body);
      case "/conversations/search":
        return searchConversations(body);
      default:
        return errorList(404, "not_found", "Resource Not Found");
    }
  });

  function search(body: Record<string, unknown>): FakeResponse {
    const query = body.query as { field?: unknown; operator?: unknown; value?: unknown } | undefined;
    if (!query || typeof query.field !== "string" || typeof query.operator !== "string") return errorList(400, "parameter_invalid", "query is invalid");
    const data = options.scenario === "race" ? [] : contacts.filter((contact) => query.field === "email" && query.operator === "=" && contact.email === query.value);
    return { status: 200, body: { type: "list", data: data.map(contactView), total_count: data.length, pages: { type: "pages", page: 1, per_page: 50, total_pages: data.length > 0 ? 1 : 0 } } };
  }

  function create(body: Record<string, unknown>): FakeResponse {
    if (body.role !== "user" && body.role !== "lead") return errorList(400, "parameter_invalid", "role must be user or lead");
    if (typeof body.email !== "string" || !EMAIL.test(body.email)) return errorList(400, "parameter_invalid", "Email address is invalid");
    const existing = contacts.find((contact) => contact.email === body.email && contact.role === body.role);
    if (existing) return errorList(409, "conflict", `A contact matching those details already exists with id=${existing.id}`);
    const contact: Contact = { id: `6762f0dd1bb69f9f2193bb${String(83 + contacts.length)}`, role: body.role, email: body.email, ...(typeof body.name === "string" ? { name: body.name } : {}), ...(typeof body.phone === "string" ? { phone: body.phone } : {}) };
    contacts.push(contact);
    return { status: 200, body: contactView(contact) };
  }

  function sendMessage(body: Record<string, unknown>): FakeResponse {
    if (body.message_type !== "email") return errorList(400, "parameter_invalid", "message_type must be email or in_app");
    for (const field of ["subject", "body", "template"]) {
      if (typeof body[field] !== "string" || body[field] === "") return errorList(400, "parameter_not_found", `${field} is required for email messages`);
    }
    if (body.template !== "plain" && body.template !== "personal") return errorList(400, "parameter_invalid", "template must be plain or personal");
    const from = body.from as { type?: unknown; id?: unknown } | undefined;
    if (from?.type !== "admin" || !Number.isInteger(from.id)) return errorList(400, "parameter_invalid", "from must be an admin with an integer id");
    if (from.id !== options.adminId) return errorList(404, "admin_not_found", "Admin not found");
    const to = body.to as { type?: unknown; id?: unknown } | undefined;
    const recipient = contacts.find((contact) => contact.id === to?.id);
    if (!recipient || recipient.role !== to?.type) return errorList(404, "not_found", "User Not Found");
    const id = String(403918320 + messages.length);
    messages.push(body);
    const conversation = { id: String(64619700005570 + conversations.length), body: String(body.body) };
    conversations.push(conversation);
    return { status: 200, body: { type: "admin_message", id, created_at: 1796032805, subject: body.subject, body: body.body, message_type: "email", conversation_id: conversation.id, owner: { type: "admin", id: String(options.adminId) } } };
  }

  function searchConversations(body: Record<string, unknown>): FakeResponse {
    const query = body.query as { field?: unknown; operator?: unknown; value?: unknown } | undefined;
    if (query?.field !== "source.body" || query.operator !== "=" || typeof query.value !== "string") return errorList(400, "parameter_invalid", "query is invalid");
    const words = (text: string) => text.replace(/<[^>]*>/g, " ").split(/[^A-Za-z0-9_-]+/);
    const found = conversations.filter((conversation) => words(conversation.body).includes(query.value as string));
    return { status: 200, body: { type: "conversation.list", conversations: found.map((conversation) => ({ type: "conversation", id: conversation.id })), total_count: found.length, pages: { type: "pages", page: 1, per_page: 20, total_pages: found.length ? 1 : 0 } } };
  }

  return Object.assign(server, { contacts, messages });
}
