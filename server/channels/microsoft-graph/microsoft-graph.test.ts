import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from "./fake";
import { microsoftGraphProvider, type GraphConfig, type GraphCredentials } from "./index";
import { graphGrant } from "./send";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials: GraphCredentials = { tenantId: "8f1c2b7e-1111-4a4a-9b9b-0123456789ab", clientId: "3f5e9a10-2222-4c4c-8d8d-abcdefabcdef", clientSecret: "Abc8Q~client.secret-value" };

let fake: FakeGraph | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Partial<FakeGraphOptions> = {}) {
  fake = await startFakeGraph({ ...credentials, mailboxes: ["orders@shop.example"], ...options });
  return fake;
}

const configFor = (server: FakeGraph, overrides: Partial<GraphConfig> = {}): GraphConfig => ({ fromAddress: "orders@shop.example", fromName: "Trail & Co", replyTo: "help@shop.example", tokenUrl: server.tokenUrl, ...overrides });

const failure = (result: Awaited<ReturnType<typeof sendWith>>) => {
  if (result.ok) throw new Error("expected a failure");
  return result;
};

const paths = (server: FakeGraph) => server.requests.map((request) => request.path);

describe("Microsoft Graph sendMail", () => {
  it("gets a client-credentials token and sends a contract-valid sendMail (202, no message id)", async () => {
    const server = await start();
    const result = await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server) });
    expect(result).toEqual({ ok: true, providerMessageId: null, httpStatus: 202 });
    expect(paths(server)).toEqual([`/${credentials.tenantId}/oauth2/v2.0/token`, "/v1.0/users/orders%40shop.example/sendMail"]);
    expect(Object.fromEntries(new URLSearchParams(server.requests[0]!.text))).toEqual({
      grant_type: "client_credentials",
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      scope: "https://graph.microsoft.com/.default",
    });
    const send = server.requests[1]!;
    expect(send.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(send.headers["content-type"]).toBe("application/json");
    const message = sampleMessage();
    expect(JSON.parse(send.text)).toEqual({
      message: {
        subject: message.subject,
        body: { contentType: "HTML", content: message.html },
        from: { emailAddress: { address: "orders@shop.example", name: "Trail & Co" } },
        toRecipients: [{ emailAddress: { address: "ada@customer.example" } }],
        replyTo: [{ emailAddress: { address: "help@shop.example" } }],
        internetMessageHeaders: [{ name: "X-Orderbell-Idempotency-Key", value: message.idempotencyKey }],
      },
      saveToSentItems: true,
    });
  });

  it("sends the text as a Text body when there is no HTML, through the configured mailbox", async () => {
    const server = await start({ mailboxes: ["sender@shop.example"], sendAs: { "sender@shop.example": ["orders@shop.example"] } });
    const result = await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server, { mailbox: "sender@shop.example", replyTo: undefined }), message: { html: null } });
    expect(result.ok).toBe(true);
    expect(server.sent[0]!.mailbox).toBe("sender@shop.example");
    expect(server.sent[0]!.body.message.body).toEqual({ contentType: "Text", content: sampleMessage().text });
    expect(server.sent[0]!.body.message).not.toHaveProperty("replyTo");
  });

  it("uses the tenant's login.microsoftonline.com endpoint when no token URL is set", () => {
    expect(graphGrant(credentials, { fromAddress: "orders@shop.example", fromName: "Trail & Co" })).toMatchObject({
      type: "client_credentials",
      tokenUrl: `https://login.microsoftonline.com/${credentials.tenantId}/oauth2/v2.0/token`,
      scope: "https://graph.microsoft.com/.default",
    });
  });

  it("refreshes the token once when Graph answers 401, then succeeds", async () => {
    const server = await start();
    const cache = new Map<string, unknown>();
    const config = configFor(server);
    expect((await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config, cache })).ok).toBe(true);
    server.revokeAccessTokens();
    expect((await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config, cache })).ok).toBe(true);
    const token = `/${credentials.tenantId}/oauth2/v2.0/token`;
    const send = "/v1.0/users/orders%40shop.example/sendMail";
    expect(paths(server)).toEqual([token, send, send, token, send]);
    expect(server.requests[2]!.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(server.requests[4]!.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
  });

  it("fails permanently when Graph still answers 401 after one refresh", async () => {
    const server = await start({ scenario: "token-rejected" });
    const result = failure(await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server) }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 401, error: "HTTP 401: InvalidAuthenticationToken: Lifetime validation failed, the token is expired." });
    expect(paths(server).filter((path) => path.endsWith("/token"))).toHaveLength(2);
  });

  it("treats a wrong client secret as permanent, without the secret in the error", async () => {
    const server = await start();
    const result = failure(await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials: { ...credentials, clientSecret: "Wrong~secret-value" }, config: configFor(server) }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 401 });
    expect(result.error).toContain("AADSTS7000215");
    expect(result.error).not.toContain("Wrong~secret");
  });

  it("treats 429 as retryable and reads Retry-After", async () => {
    const server = await start({ scenario: "throttled", retryAfterSeconds: 12 });
    expect(await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server) })).toMatchObject({
      ok: false,
      retryable: true,
      httpStatus: 429,
      retryAfterMs: 12_000,
      error: "HTTP 429: ApplicationThrottled: Application is over its MailboxConcurrency limit.",
    });
  });

  it("treats 503 and 504 as retryable", async () => {
    const server = await start({ scenario: "unavailable" });
    const options = { baseUrl: server.url, credentials, config: configFor(server) };
    expect(await sendWith(microsoftGraphProvider, options)).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    server.setScenario("gateway-timeout");
    expect(await sendWith(microsoftGraphProvider, options)).toMatchObject({ ok: false, retryable: true, httpStatus: 504 });
  });

  it("treats an invalid recipient as permanent (ErrorInvalidRecipients)", async () => {
    const server = await start();
    const result = failure(await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server), message: { to: "ada" } }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 400 });
    expect(result.error).toContain("ErrorInvalidRecipients: At least one recipient is not valid.");
  });

  it("treats Send As refusals and unusable mailboxes as permanent", async () => {
    const server = await start({ mailboxes: ["orders@shop.example", "sender@shop.example"], restDisabledMailboxes: ["onprem@shop.example"] });
    const sendAs = await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server, { mailbox: "sender@shop.example" }) });
    expect(sendAs).toMatchObject({ ok: false, retryable: false, httpStatus: 403, error: expect.stringContaining("ErrorSendAsDenied") });
    const onPremises = await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server, { mailbox: "onprem@shop.example" }) });
    expect(onPremises).toMatchObject({ ok: false, retryable: false, httpStatus: 404, error: expect.stringContaining("MailboxNotEnabledForRESTAPI") });
    const unknown = await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server, { mailbox: "nobody@shop.example" }) });
    expect(unknown).toMatchObject({ ok: false, retryable: false, httpStatus: 404, error: expect.stringContaining("ErrorInvalidUser") });
  });

  it("treats an unreachable token endpoint or API as retryable", async () => {
    const server = await start();
    const down = await refusedUrl();
    expect(await sendWith(microsoftGraphProvider, { baseUrl: server.url, credentials, config: configFor(server, { tokenUrl: `${down}/t/oauth2/v2.0/token` }) })).toMatchObject({ ok: false, retryable: true });
    expect(await sendWith(microsoftGraphProvider, { baseUrl: down, credentials, config: configFor(server) })).toMatchObject({ ok: false, retryable: true });
  });
});

describeRequestPathClassification(microsoftGraphProvider, { credentials, config: (url) => ({ fromAddress: "orders@shop.example", fromName: "Trail & Co", tokenUrl: `${url}/token` }) });
