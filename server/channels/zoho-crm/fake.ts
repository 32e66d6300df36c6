import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

export type FakeZohoOptions = {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The verified sender send_mail accepts. */
  fromEmail?: string;
  /**
   * throttled: 429 TOO_MANY_REQUESTS; server-error: 500; stale-token: the first access token is refused once
   * (INVALID_TOKEN); scope-mismatch: every call 401 OAUTH_SCOPE_MISMATCH; token-throttled: the accounts
   * server refuses with "Access Denied" (too many token requests).
   */
  scenario?: "ok" | "throttled" | "server-error" | "stale-token" | "scope-mismatch" | "token-throttled";
};

export type FakeZoho = FakeHttpServer & {
  tokenRequests: CapturedRequest[];
  contacts: Map<string, { id: string; record: Record<string, unknown> }>;
  salesOrders: Array<Record<string, unknown>>;
  mails: Array<Record<string, unknown>>;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MESSAGE_ID = "2c4d1e7b0f9a6c3e5d8b1a4f7c0e3d6b9a2f5c8e1b4d7a0c";
const stamp = { Modified_Time: "2026-11-27T15:30:05+05:30", Modified_By: { name: "Store Owner", id: "5725767000000411001" }, Created_Time: "2026-11-27T15:30:05+05:30", Created_By: { name: "Store Owner", id: "5725767000000411001" } };

const topError = (status: number, code: string, message: string): FakeResponse => ({ status, body: { code, details: {}, message, status: "error" } });
const recordError = (status: number, code: string, message: string, details: Record<string, unknown>): FakeResponse => ({ status, body: { data: [{ code, details, message, status: "error" }] } });

/**
 * A local Zoho CRM: the accounts server's refresh-token exchange (`/oauth/v2/token`, answering `api_domain`
 * and, like Zoho, errors with HTTP 200) and the v7 calls Orderbell makes (Contacts upsert, Sales_Orders
 * insert, send_mail from a Contact), checking `Zoho-oauthtoken` auth, JSON, mandatory fields, and answering
 * with Zoho's per-record `data[]` results and error codes.
 */
export async function startFakeZoho(options: FakeZohoOptions): Promise<FakeZoho> {
  const validTokens = new Set<string>();
  const tokenRequests: CapturedRequest[] = [];
  const contacts = new Map<string, { id: string; record: Record<string, unknown> }>();
  const salesOrders: Array<Record<string, unknown>> = [];
  const mails: Array<Record<string, unknown>> = [];
  const orderIdBySubject = new Map<string, string>();
  let issued = 0;
  let refusedStale = false;

  const server = await startFakeHttpServer((request): FakeResponse => {
    if (request.path === "/oauth/v2/token") {
      tokenRequests.push(request);
      return token(request);
    }
    const presented = /^Zoho-oauthtoken (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1];
    const staleNow = options.scenario === "stale-token" && !refusedStale && presented === "1000.access-1";
    if (!presented || !validTokens.has(presented) || staleNow) {
      if (staleNow) refusedStale = true;
      return topError(401, "INVALID_TOKEN", "invalid oauth token");
    }
    if (options.scenario === "scope-mismatch") return topError(401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL");
    if (options.scenario === "throttled") return topError(429, "TOO_MANY_REQUESTS", "The concurrency limit has been exceeded");
    if (options.scenario === "server-error") return topError(500, "INTERNAL_ERROR", "Internal Server Error");
    if (request.method !== "POST" || !String(request.headers["content-type"] ?? "").startsWith("application/json")) return topError(400, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one");
    let body: { data?: Array<Record<string, unknown>>; trigger?: unknown; duplicate_check_fields?: unknown };
    try {
      body = JSON.parse(request.text);
    } catch {
      return topError(400, "INVALID_DATA", "body is not a valid JSON");
    }
    const record = body.data?.[0];
    if (!record) return topError(400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing");

    if (request.path === "/crm/v7/Contacts/upsert") return upsertContact(record, body.duplicate_check_fields);
    if (request.path === "/crm/v7/Sales_Orders") return insertSalesOrder(record, body.trigger);
    const mail = /^\/crm\/v7\/Contacts\/(\d+)\/actions\/send_mail$/.exec(request.path);
    if (mail) return sendMail(mail[1] ?? "", record);
    return topError(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one");
  });

  function token(request: CapturedRequest): FakeResponse {
    if (options.scenario === "token-throttled") {
      return { status: 400, body: { error_description: "You have made too many requests continuously. Please try again after some time.", error: "Access Denied", status: "failure" } };
    }
    const form = new URLSearchParams(request.text);
    if (!String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded") || form.get("grant_type") !== "refresh_token") {
      return { status: 200, body: { error: "unsupported_grant_type" } };
    }
    if (form.get("client_id") !== options.clientId || form.get("client_secret") !== options.clientSecret) return { status: 200, body: { error: "invalid_client" } };
    if (form.get("refresh_token") !== options.refreshToken) return { status: 200, body: { error: "invalid_code" } };
    issued += 1;
    const accessToken = `1000.access-${issued}`;
    validTokens.add(accessToken);
    return { status: 200, body: { access_token: accessToken, scope: "ZohoCRM.modules.contacts.ALL ZohoCRM.modules.salesorders.CREATE", api_domain: server.url, token_type: "Bearer", expires_in: 3600 } };
  }

  function upsertContact(record: Record<string, unknown>, duplicateCheck: unknown): FakeResponse {
    if (typeof record.Last_Name !== "string" || record.Last_Name === "") return recordError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: "Last_Name", json_path: "$.data[0].Last_Name" });
    if (typeof record.Email !== "string" || !EMAIL.test(record.Email)) return recordError(400, "INVALID_DATA", "invalid data", { api_name: "Email", json_path: "$.data[0].Email", expected_data_type: "email" });
    if (!Array.isArray(duplicateCheck) || !duplicateCheck.includes("Email")) return recordError(400, "INVALID_DATA", "duplicate_check_fields must name Email", { api_name: "duplicate_check_fields" });
    const existing = contacts.get(record.Email);
    const id = existing?.id ?? `57257670000${String(contacts.size + 1).padStart(8, "0")}`;
    contacts.set(record.Email, { id, record });
    return {
      status: existing ? 200 : 201,
      body: { data: [{ code: "SUCCESS", duplicate_field: existing ? "Email" : null, action: existing ? "update" : "insert", details: { ...stamp, id }, message: existing ? "record updated" : "record added", status: "success" }] },
    };
  }

  function insertSalesOrder(record: Record<string, unknown>, trigger: unknown): FakeResponse {
    if (typeof record.Subject !== "string" || record.Subject === "") return recordError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: "Subject", json_path: "$.data[0].Subject" });
    const contactId = (record.Contact_Name as { id?: unknown } | undefined)?.id;
    if (contactId !== undefined && ![...contacts.values()].some((contact) => contact.id === contactId)) {
      return recordError(400, "INVALID_DATA", "the id given seems to be invalid", { api_name: "Contact_Name", json_path: "$.data[0].Contact_Name", expected_data_type: "lookup" });
    }
    const duplicate = orderIdBySubject.get(record.Subject);
    if (duplicate) {
      return recordError(400, "DUPLICATE_DATA", "duplicate data", { api_name: "Subject", json_path: "$.data[0].Subject", duplicate_record: { module: { api_name: "Sales_Orders", id: "5725767000000002117" }, id: duplicate, Owner: { name: "Store Owner", id: "5725767000000411001" } } });
    }
    const id = `57257670000${String(90000001 + salesOrders.length)}`;
    orderIdBySubject.set(record.Subject, id);
    salesOrders.push({ ...record, $trigger: trigger });
    return { status: 201, body: { data: [{ code: "SUCCESS", details: { ...stamp, id }, message: "record added", status: "success" }] } };
  }

  function sendMail(contactId: string, mail: Record<string, unknown>): FakeResponse {
    if (![...contacts.values()].some((contact) => contact.id === contactId)) return recordError(400, "INVALID_DATA", "the related id given seems to be invalid", { api_name: "id" });
    const from = mail.from as { email?: unknown } | undefined;
    if (!from || from.email !== options.fromEmail) return recordError(400, "INVALID_DATA", "invalid from address", { api_name: "from", json_path: "$.data[0].from" });
    const to = (mail.to as Array<{ email?: unknown }> | undefined)?.[0];
    if (!to || typeof to.email !== "string" || !EMAIL.test(to.email)) return recordError(400, "INVALID_DATA", "invalid to address", { api_name: "to", json_path: "$.data[0].to" });
    if (typeof mail.subject !== "string" || typeof mail.content !== "string") return recordError(400, "MANDATORY_NOT_FOUND", "required field not found", { api_name: "subject" });
    if (mail.mail_format !== "html" && mail.mail_format !== "text") return recordError(400, "INVALID_DATA", "invalid mail format", { api_name: "mail_format" });
    mails.push(mail);
    return { status: 200, body: { data: [{ code: "SUCCESS", details: { message_id: MESSAGE_ID }, message: "Your mail has been sent successfully.", status: "success" }] } };
  }

  return Object.assign(server, { tokenRequests, contacts, salesOrders, mails });
}
