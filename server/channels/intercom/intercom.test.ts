import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext } from "../send-context";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeIntercom, type FakeIntercom } from "./fake";
import { intercomProvider, intercomReference } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials = { accessToken: "dG9rOmFiY2RlZg==" };
const config = { adminId: 814860 };

let fake: FakeIntercom | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Partial<Parameters<typeof startFakeIntercom>[0]> = {}) {
  fake = await startFakeIntercom({ accessToken: credentials.accessToken, adminId: 814860, ...options });
  return fake;
}

describe("Intercom provider", () => {
  it("creates the contact when the search finds none, then emails it from the admin and returns the conversation id", async () => {
    const server = await start();
    const result = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config });
    expect(result).toEqual({ ok: true, providerMessageId: "64619700005570", httpStatus: 200 });

    const reference = intercomReference(sampleMessage().idempotencyKey);
    expect(server.requests.map((request) => request.path)).toEqual(["/conversations/search", "/contacts/search", "/contacts", "/messages"]);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${credentials.accessToken}`);
      expect(request.headers["intercom-version"]).toBe("2.14");
      expect(request.headers["content-type"]).toContain("application/json");
    }
    expect(JSON.parse(server.requests[0]?.text ?? "")).toEqual({ query: { field: "source.body", operator: "=", value: reference } });
    expect(JSON.parse(server.requests[1]?.text ?? "")).toEqual({ query: { field: "email", operator: "=", value: "ada@customer.example" } });
    expect(JSON.parse(server.requests[2]?.text ?? "")).toEqual({ role: "user", email: "ada@customer.example", name: "Ada Lovelace", phone: "+14155550132" });
    expect(JSON.parse(server.requests[3]?.text ?? "")).toEqual({
      message_type: "email",
      subject: sampleMessage().subject,
      body: `${sampleMessage().html}<p style="color:#9ca3af;font-size:11px">Ref. ${reference}</p>`,
      template: "plain",
      from: { type: "admin", id: 814860 },
      to: { type: "user", id: "6762f0dd1bb69f9f2193bb83" },
    });
  });

  it("writes to an existing lead as a lead, with the personal template and a text body", async () => {
    const server = await start({ contacts: [{ id: "5ba682d23d7cf92bef87bfd4", role: "lead", email: "ada@customer.example" }] });
    const result = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config: { ...config, template: "personal" }, message: { html: null } });
    expect(result).toMatchObject({ ok: true });
    expect(server.requests.map((request) => request.path)).toEqual(["/conversations/search", "/contacts/search", "/messages"]);
    expect(server.messages[0]).toMatchObject({ to: { type: "lead", id: "5ba682d23d7cf92bef87bfd4" }, template: "personal", body: `${sampleMessage().text}\n\nRef. ${intercomReference(sampleMessage().idempotencyKey)}` });
  });

  it("sends nothing twice: a retry with the same idempotency key finds the conversation the first attempt started", async () => {
    const server = await start();
    const first = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config });
    const retry = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config });
    expect(retry).toEqual({ ok: true, providerMessageId: first.ok ? first.providerMessageId : "" });
    expect(server.messages).toHaveLength(1);
    const other = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config, message: { idempotencyKey: "another-order:step-1:channel-1" } });
    expect(other).toMatchObject({ ok: true, providerMessageId: "64619700005571" });
    expect(server.messages).toHaveLength(2);
  });

  it("uses the id Intercom names in a 409 when the contact appeared between search and create", async () => {
    const server = await start({ scenario: "race", contacts: [{ id: "5ba682d23d7cf92bef87bfd5", role: "user", email: "ada@customer.example" }] });
    const result = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config });
    expect(result).toMatchObject({ ok: true });
    expect(server.messages[0]).toMatchObject({ to: { type: "user", id: "5ba682d23d7cf92bef87bfd5" } });
  });

  it("treats a bad token and an unknown sender admin as permanent, without the token", async () => {
    const server = await start();
    const badToken = await sendWith(intercomProvider, { baseUrl: server.url, credentials: { accessToken: "wrong-token" }, config });
    expect(badToken).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: "HTTP 401: unauthorized: Access Token Invalid (request 000q5a3g7k0bqhcdj0s0)" });
    expect(JSON.stringify(badToken)).not.toContain("wrong-token");
    const badAdmin = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config: { adminId: 1 } });
    expect(badAdmin).toMatchObject({ ok: false, retryable: false, httpStatus: 404, error: expect.stringContaining("admin_not_found") });
  });

  it("retries when throttled, waiting until X-RateLimit-Reset when there is no Retry-After", async () => {
    const server = await start({ scenario: "throttled" });
    const result = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config });
    expect(result).toMatchObject({ ok: false, retryable: true, httpStatus: 429 });
    const wait = result.ok ? 0 : (result.retryAfterMs ?? 0);
    expect(wait).toBeGreaterThan(8000);
    expect(wait).toBeLessThanOrEqual(10_000);
  });

  it("treats an invalid email as permanent", async () => {
    const server = await start();
    const result = await sendWith(intercomProvider, { baseUrl: server.url, credentials, config, message: { to: "not-an-email" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: expect.stringContaining("parameter_invalid: Email address is invalid") });
  });

  it("retries server errors and unreachable hosts", async () => {
    const server = await start({ scenario: "server-error" });
    expect(await sendWith(intercomProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    expect(await sendWith(intercomProvider, { baseUrl: await refusedUrl(), credentials, config })).toMatchObject({ ok: false, retryable: true });
  });

  it("uses the region's host when the channel has no override", async () => {
    const urls: string[] = [];
    const stub: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ data: [{ id: "c1", role: "user" }], id: "m1" }), { status: 200 });
    };
    for (const [baseUrl, region] of [[intercomProvider.defaultBaseUrl, "eu"], [null, "au"], [null, undefined]] as const) {
      const context = createSendContext({ baseUrl, timeoutMs: 1000, fetch: stub });
      expect(await intercomProvider.send(sampleMessage(), credentials, { ...config, region }, context)).toMatchObject({ ok: true, providerMessageId: "m1" });
    }
    expect(urls.filter((url) => url.endsWith("/messages"))).toEqual(["https://api.eu.intercom.io/messages", "https://api.au.intercom.io/messages", "https://api.intercom.io/messages"]);
  });
});

describeRequestPathClassification(intercomProvider, { credentials, config });
