import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeSalesforce, type FakeSalesforce } from "./fake";
import { salesforceProvider } from "./index";
import { myDomainUrl } from "./salesforce-api";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials = { clientId: "3MVG9-consumer-key", clientSecret: "consumer-secret-5150" };

let fake: FakeSalesforce | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(scenario?: Parameters<typeof startFakeSalesforce>[0]["scenario"]) {
  fake = await startFakeSalesforce({ ...credentials, scenario });
  return fake;
}

/** Both the token endpoint and the API on the fake, as a channel with a base URL override would be. */
function configFor(server: FakeSalesforce, extra: Record<string, unknown> = {}) {
  return { myDomain: "https://acme.my.salesforce.com", tokenUrl: `${server.url}/services/oauth2/token`, ...extra };
}

describe("Salesforce provider — send email", () => {
  it("gets a client-credentials token and sends through emailSimple (no message id)", async () => {
    const server = await start();
    const result = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: configFor(server) });
    expect(result).toEqual({ ok: true, providerMessageId: null, httpStatus: 200 });

    const form = new URLSearchParams(server.tokenRequests[0]?.text);
    expect(server.tokenRequests[0]?.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(Object.fromEntries(form)).toEqual({ grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret });

    const api = server.requests.find((request) => request.path.includes("/services/data/"));
    expect(api?.path).toBe("/services/data/v62.0/actions/standard/emailSimple");
    expect(api?.headers.authorization).toBe("Bearer 00Dxx0000001gEREAY!AQ-token-1");
    expect(JSON.parse(api?.text ?? "")).toEqual({
      inputs: [{ emailAddresses: "ada@customer.example", emailSubject: sampleMessage().subject, emailBody: sampleMessage().html, sendRichBody: true, senderType: "CurrentUser" }],
    });
  });

  it("sends from an organization-wide address, as plain text when there is no HTML", async () => {
    const server = await start();
    const config = configFor(server, { senderType: "OrgWideEmailAddress", senderAddress: "orders@shop.example", apiVersion: "63.0" });
    const result = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config, message: { html: null } });
    // The fake only serves v62.0: 63.0 is normalised to v63.0 and refused with NOT_FOUND, proving the version is used.
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 404, error: "HTTP 404: NOT_FOUND: The requested resource does not exist" });
    const again = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: { ...config, apiVersion: "v62.0" }, message: { html: null } });
    expect(again).toMatchObject({ ok: true });
    expect(server.emails[0]).toMatchObject({ emailBody: sampleMessage().text, sendRichBody: false, senderType: "OrgWideEmailAddress", senderAddress: "orders@shop.example" });
  });

  it("uses the token's instance_url as the API host when the channel has no override", async () => {
    const server = await start();
    const result = await sendWith(salesforceProvider, { baseUrl: null, credentials, config: configFor(server) });
    expect(result).toMatchObject({ ok: true });
    expect(server.emails).toHaveLength(1);
    expect(salesforceProvider.defaultBaseUrl).toBe("https://{MyDomain}.my.salesforce.com");
    const viaPlaceholder = await sendWith(salesforceProvider, { baseUrl: salesforceProvider.defaultBaseUrl, credentials, config: configFor(server) });
    expect(viaPlaceholder).toMatchObject({ ok: true });
  });

  it("treats an action that answers isSuccess:false as permanent", async () => {
    const server = await start();
    const result = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: configFor(server), message: { to: "not-an-email" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: "HTTP 400: emailSimple failed: INVALID_EMAIL_ADDRESS: Email address is invalid: not-an-email" });
  });
});

describe("Salesforce provider — order record", () => {
  const recordConfig = (server: FakeSalesforce) => configFor(server, { mode: "order_record" });

  it("creates the order record with the documented fields and returns its id", async () => {
    const server = await start();
    const result = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: recordConfig(server) });
    expect(result).toEqual({ ok: true, providerMessageId: "a015g00000XyZ12AAB", httpStatus: 201 });
    const api = server.requests.find((request) => request.path.includes("/sobjects/"));
    expect(api?.path).toBe("/services/data/v62.0/sobjects/Orderbell_Order__c/");
    expect(JSON.parse(api?.text ?? "")).toEqual({
      Name: "Order #1001",
      Order_Number__c: "#1001",
      Customer_Email__c: "ada@customer.example",
      Customer_Name__c: "Ada Lovelace",
      Customer_Phone__c: "+14155550132",
      Order_Total__c: 158.57,
      Currency_Code__c: "USD",
      Receipt_URL__c: "https://orders.shop.example/r/abc",
      Delivery_Estimate__c: "Dec 3, 2026",
      Placed_At__c: "2026-11-27T10:00:00.000Z",
      Items__c: "1 × Trail Runner 2 (42 / Blue) [TR2-42-BL] — 129.00 USD\n2 × Merino Socks (M) [MS-M] — 29.00 USD",
      Email_Subject__c: sampleMessage().subject,
      Email_Body__c: sampleMessage().html,
      Orderbell_Key__c: sampleMessage().idempotencyKey,
    });
  });

  it("treats DUPLICATE_VALUE on the external id as the record an earlier attempt created", async () => {
    const server = await start();
    await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: recordConfig(server) });
    const retried = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: recordConfig(server) });
    expect(retried).toMatchObject({ ok: true, providerMessageId: "a015g00000XyZ12AAB" });
    expect(server.records).toHaveLength(1);
  });

  it("treats a missing field on the object (INVALID_FIELD) and a bad email as permanent", async () => {
    const server = await start();
    const renamed = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: configFor(server, { mode: "order_record", externalIdField: "Other_Key__c" }) });
    expect(renamed).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: "HTTP 400: INVALID_FIELD: No such column 'Other_Key__c' on sobject of type Orderbell_Order__c" });
    const badEmail = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: recordConfig(server), message: { to: "not-an-email" } });
    expect(badEmail).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("INVALID_EMAIL_ADDRESS") });
  });
});

describe("Salesforce provider — tokens and failures", () => {
  it("treats a bad client id or secret as permanent, without the secret in the error", async () => {
    const server = await start();
    const result = await sendWith(salesforceProvider, { baseUrl: server.url, credentials: { ...credentials, clientSecret: "wrong-secret" }, config: configFor(server) });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: "Salesforce OAuth: HTTP 400: invalid_client: invalid client credentials" });
    expect(JSON.stringify(result)).not.toContain("wrong-secret");
  });

  it("refreshes the token once on INVALID_SESSION_ID", async () => {
    const server = await start("stale-session");
    const result = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: configFor(server) });
    expect(result).toMatchObject({ ok: true });
    expect(server.tokenRequests).toHaveLength(2);
  });

  it("gives up after one refresh when the session stays invalid", async () => {
    const server = await start("invalid-session");
    const result = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: configFor(server) });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: "HTTP 401: INVALID_SESSION_ID: Session expired or invalid" });
    expect(server.tokenRequests).toHaveLength(2);
  });

  it("retries 403 REQUEST_LIMIT_EXCEEDED (Salesforce's throttling)", async () => {
    const server = await start("limit-exceeded");
    const result = await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: configFor(server, { mode: "order_record" }) });
    expect(result).toMatchObject({ ok: false, retryable: true, httpStatus: 403, error: expect.stringContaining("REQUEST_LIMIT_EXCEEDED") });
  });

  it("retries server errors and an unreachable token endpoint", async () => {
    const server = await start("server-error");
    expect(await sendWith(salesforceProvider, { baseUrl: server.url, credentials, config: configFor(server) })).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    const refused = await refusedUrl();
    expect(await sendWith(salesforceProvider, { baseUrl: refused, credentials, config: { myDomain: "acme", tokenUrl: `${refused}/services/oauth2/token` } })).toMatchObject({ ok: false, retryable: true });
  });

  it("reads My Domain as a name, a host or a URL", () => {
    expect(myDomainUrl("acme")).toBe("https://acme.my.salesforce.com");
    expect(myDomainUrl("acme--dev.sandbox.my.salesforce.com")).toBe("https://acme--dev.sandbox.my.salesforce.com");
    expect(myDomainUrl("https://acme.my.salesforce.com/")).toBe("https://acme.my.salesforce.com");
    expect(myDomainUrl("not a domain")).toBeNull();
  });
});

describeRequestPathClassification(salesforceProvider, { credentials, config: (url) => ({ myDomain: "https://acme.my.salesforce.com", tokenUrl: `${url}/services/oauth2/token` }) });
