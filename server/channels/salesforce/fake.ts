import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

export type FakeSalesforceOptions = {
  clientId: string;
  clientSecret: string;
  apiVersion?: string;
  /** The custom object that exists in the org, with the fields Orderbell sets (see order-record.ts). */
  sObject?: string;
  externalIdField?: string;
  /**
   * limit-exceeded: 403 REQUEST_LIMIT_EXCEEDED; server-error: 503; stale-session: the first access token is
   * refused once (INVALID_SESSION_ID) as if revoked; invalid-session: every token is refused.
   */
  scenario?: "ok" | "limit-exceeded" | "server-error" | "stale-session" | "invalid-session";
};

export type FakeSalesforce = FakeHttpServer & {
  tokenRequests: CapturedRequest[];
  records: Array<Record<string, unknown>>;
  emails: Array<Record<string, unknown>>;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ORDER_FIELDS = new Set([
  "Name", "Order_Number__c", "Customer_Email__c", "Customer_Name__c", "Customer_Phone__c", "Order_Total__c", "Currency_Code__c",
  "Receipt_URL__c", "Delivery_Estimate__c", "Placed_At__c", "Items__c", "Email_Subject__c", "Email_Body__c",
]);

const errors = (status: number, ...list: Array<{ message: string; errorCode: string; fields?: string[] }>): FakeResponse => ({ status, body: list });

/**
 * A local Salesforce org: the client-credentials token endpoint (`/services/oauth2/token`, form-encoded,
 * answering `instance_url`), the Simple Email Action and sObject create, with Bearer tokens checked and
 * Salesforce's error arrays, per-input action results and DUPLICATE_VALUE on the unique external id.
 */
export async function startFakeSalesforce(options: FakeSalesforceOptions): Promise<FakeSalesforce> {
  const apiVersion = options.apiVersion ?? "v62.0";
  const sObject = options.sObject ?? "Orderbell_Order__c";
  const externalIdField = options.externalIdField ?? "Orderbell_Key__c";
  const validTokens = new Set<string>();
  const recordIdByKey = new Map<string, string>();
  let issued = 0;
  let refusedStale = false;

  const state = { tokenRequests: [] as CapturedRequest[], records: [] as Array<Record<string, unknown>>, emails: [] as Array<Record<string, unknown>> };

  const server = await startFakeHttpServer((request) => {
    if (request.path === "/services/oauth2/token") {
      state.tokenRequests.push(request);
      return token(request);
    }
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1];
    const staleNow = options.scenario === "stale-session" && !refusedStale && bearer === "00Dxx0000001gEREAY!AQ-token-1";
    if (!bearer || !validTokens.has(bearer) || staleNow || options.scenario === "invalid-session") {
      if (staleNow) refusedStale = true;
      return errors(401, { message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" });
    }
    if (options.scenario === "limit-exceeded") return errors(403, { message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED" });
    if (options.scenario === "server-error") return errors(503, { message: "Server is temporarily unavailable", errorCode: "SERVER_UNAVAILABLE" });
    if (request.method !== "POST" || !String(request.headers["content-type"] ?? "").startsWith("application/json")) {
      return errors(415, { message: "Content type 'application/json' expected", errorCode: "UNSUPPORTED_MEDIA_TYPE" });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return errors(400, { message: "Unexpected character: was expecting JSON", errorCode: "JSON_PARSER_ERROR" });
    }
    const limits = { "sforce-limit-info": "api-usage=18/15000" };
    if (request.path === `/services/data/${apiVersion}/actions/standard/emailSimple`) return { ...emailSimple(body), headers: limits };
    if (request.path === `/services/data/${apiVersion}/sobjects/${sObject}/`) return { ...createRecord(body), headers: limits };
    return errors(404, { message: "The requested resource does not exist", errorCode: "NOT_FOUND" });
  });

  function token(request: CapturedRequest): FakeResponse {
    const form = new URLSearchParams(request.text);
    const formEncoded = String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
    if (request.method !== "POST" || !formEncoded || form.get("grant_type") !== "client_credentials") {
      return { status: 400, body: { error: "unsupported_grant_type", error_description: "grant type not supported" } };
    }
    if (form.get("client_id") !== options.clientId || form.get("client_secret") !== options.clientSecret) {
      return { status: 400, body: { error: "invalid_client", error_description: "invalid client credentials" } };
    }
    issued += 1;
    const accessToken = `00Dxx0000001gEREAY!AQ-token-${issued}`;
    validTokens.add(accessToken);
    // Salesforce answers no expires_in: a token lives as long as the org's session timeout.
    return {
      status: 200,
      body: {
        access_token: accessToken,
        signature: "kB4bJtZz6pWmuJY5hxLkQ9vdx5tLmCqF0nW6mYq3qGk=",
        scope: "api",
        // The API host for this org: the fake itself.
        instance_url: server.url,
        id: "https://login.salesforce.com/id/00Dxx0000001gEREAY/005xx000001SvKVAA0",
        token_type: "Bearer",
        issued_at: "1796032800000",
      },
    };
  }

  function emailSimple(body: Record<string, unknown>): FakeResponse {
    const input = (body.inputs as Array<Record<string, unknown>> | undefined)?.[0];
    const failed = (statusCode: string, message: string): FakeResponse => ({
      status: 400,
      body: [{ actionName: "emailSimple", errors: [{ statusCode, message, fields: [] }], isSuccess: false, outputValues: null }],
    });
    if (!input) return errors(400, { message: "Missing required input parameter: inputs", errorCode: "INVALID_INPUT" });
    if (typeof input.emailSubject !== "string" || typeof input.emailBody !== "string") return failed("REQUIRED_FIELD_MISSING", "Missing required input parameter: emailSubject or emailBody");
    const addresses = String(input.emailAddresses ?? "").split(",").map((address) => address.trim());
    const invalid = addresses.find((address) => !EMAIL.test(address));
    if (invalid !== undefined) return failed("INVALID_EMAIL_ADDRESS", `Email address is invalid: ${invalid}`);
    if (!["CurrentUser", "OrgWideEmailAddress", "DefaultWorkflowUser", undefined].includes(input.senderType as string | undefined)) return failed("INVALID_TYPE", "senderType is invalid");
    if (input.senderType === "OrgWideEmailAddress" && typeof input.senderAddress !== "string") return failed("REQUIRED_FIELD_MISSING", "senderAddress is required for OrgWideEmailAddress");
    state.emails.push(input);
    return { status: 200, body: [{ actionName: "emailSimple", errors: null, isSuccess: true, outputValues: null }] };
  }

  function createRecord(body: Record<string, unknown>): FakeResponse {
    const unknown = Object.keys(body).find((field) => !ORDER_FIELDS.has(field) && field !== externalIdField);
    if (unknown) return errors(400, { message: `No such column '${unknown}' on sobject of type ${sObject}`, errorCode: "INVALID_FIELD" });
    const missing = ["Name", "Customer_Email__c"].filter((field) => typeof body[field] !== "string");
    if (missing.length > 0) return errors(400, { message: `Required fields are missing: [${missing.join(", ")}]`, errorCode: "REQUIRED_FIELD_MISSING", fields: missing });
    if (!EMAIL.test(String(body.Customer_Email__c))) {
      return errors(400, { message: `Customer Email: invalid email address: ${String(body.Customer_Email__c)}`, errorCode: "INVALID_EMAIL_ADDRESS", fields: ["Customer_Email__c"] });
    }
    const key = String(body[externalIdField] ?? "");
    const existing = recordIdByKey.get(key);
    if (key && existing) {
      return errors(400, { message: `duplicate value found: ${externalIdField} duplicates value on record with id: ${existing}`, errorCode: "DUPLICATE_VALUE", fields: [] });
    }
    const id = `a015g00000XyZ${String(state.records.length + 12).padStart(2, "0")}AAB`;
    if (key) recordIdByKey.set(key, id);
    state.records.push(body);
    return { status: 201, body: { id, success: true, errors: [] } };
  }

  return Object.assign(server, { tokenRequests: state.tokenRequests, records: state.records, emails: state.emails });
}
