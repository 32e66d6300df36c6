import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext } from "../send-context";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeZendesk, type FakeZendesk } from "./fake";
import { zendeskProvider, zendeskSubdomain } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials = { agentEmail: "agent@shop.example", apiToken: "zd-token-9f8e7d" };
const config = { subdomain: "acme" };

let fake: FakeZendesk | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Partial<Parameters<typeof startFakeZendesk>[0]> = {}) {
  fake = await startFakeZendesk({ ...credentials, ...options });
  return fake;
}

describe("Zendesk provider", () => {
  it("creates a ticket for the customer and returns the ticket id", async () => {
    const server = await start();
    const result = await sendWith(zendeskProvider, { baseUrl: server.url, credentials, config });
    expect(result).toEqual({ ok: true, providerMessageId: "35436", httpStatus: 201 });

    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/api/v2/tickets.json");
    expect(Buffer.from(String(request?.headers.authorization).replace(/^Basic /, ""), "base64").toString()).toBe("agent@shop.example/token:zd-token-9f8e7d");
    expect(request?.headers["content-type"]).toContain("application/json");
    expect(request?.headers["idempotency-key"]).toBe(sampleMessage().idempotencyKey);
    expect(JSON.parse(request?.text ?? "")).toEqual({
      ticket: {
        subject: "Order #1001 confirmed — thank you, Ada!",
        comment: { html_body: sampleMessage().html, public: true },
        requester: { name: "Ada Lovelace", email: "ada@customer.example" },
        external_id: "order-1001",
        tags: ["orderbell", "order-confirmation"],
      },
    });
  });

  it("authenticates with an OAuth token, sends the text body without HTML and fills the order number field", async () => {
    const server = await start({ oauthToken: "oauth-abc" });
    const result = await sendWith(zendeskProvider, {
      baseUrl: server.url,
      credentials: { oauthToken: "oauth-abc" },
      config: { subdomain: "acme", orderNumberFieldId: 360001234567 },
      message: { html: null },
    });
    expect(result).toMatchObject({ ok: true, providerMessageId: "35436" });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer oauth-abc");
    const ticket = server.tickets[0] as { comment: unknown; custom_fields: unknown };
    expect(ticket.comment).toEqual({ body: sampleMessage().text, public: true });
    expect(ticket.custom_fields).toEqual([{ id: 360001234567, value: "#1001" }]);
  });

  it("opens no second ticket when a send is retried with the same idempotency key", async () => {
    const server = await start();
    const first = await sendWith(zendeskProvider, { baseUrl: server.url, credentials, config });
    const again = await sendWith(zendeskProvider, { baseUrl: server.url, credentials, config });
    expect(again).toEqual(first);
    expect(server.tickets).toHaveLength(1);
  });

  it("treats bad credentials as permanent, with Zendesk's message and no secret", async () => {
    const server = await start();
    const result = await sendWith(zendeskProvider, { baseUrl: server.url, credentials: { ...credentials, apiToken: "wrong-token" }, config });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: "HTTP 401: Couldn't authenticate you" });
    expect(JSON.stringify(result)).not.toContain("wrong-token");
  });

  it("retries when throttled, reading Retry-After", async () => {
    const server = await start({ scenario: "throttled" });
    const result = await sendWith(zendeskProvider, { baseUrl: server.url, credentials, config });
    expect(result).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 30_000 });
  });

  it("treats an invalid requester email as permanent, with the field reason", async () => {
    const server = await start();
    const result = await sendWith(zendeskProvider, { baseUrl: server.url, credentials, config, message: { to: "not-an-email" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 422 });
    expect(result.ok ? "" : result.error).toContain("RecordInvalid — Record validation errors — (requester: Requester: Email: not-an-email is not properly formatted)");
  });

  it("retries server errors and unreachable hosts", async () => {
    const server = await start({ scenario: "server-error" });
    expect(await sendWith(zendeskProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    expect(await sendWith(zendeskProvider, { baseUrl: await refusedUrl(), credentials, config })).toMatchObject({ ok: false, retryable: true });
  });

  it("treats an unknown endpoint (wrong host) as permanent", async () => {
    const server = await start();
    const result = await sendWith(zendeskProvider, { baseUrl: `${server.url}/nothing-here`, credentials, config });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 404, error: "HTTP 404: InvalidEndpoint — Not found" });
  });

  it("builds https://<subdomain>.zendesk.com when the channel has no base URL override", async () => {
    const urls: string[] = [];
    const stub: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ ticket: { id: 7 } }), { status: 201 });
    };
    for (const baseUrl of [null, zendeskProvider.defaultBaseUrl]) {
      const context = createSendContext({ baseUrl, timeoutMs: 1000, fetch: stub });
      expect(await zendeskProvider.send(sampleMessage(), credentials, { subdomain: "https://Acme.zendesk.com/" }, context)).toMatchObject({ ok: true, providerMessageId: "7" });
    }
    expect(urls).toEqual(["https://acme.zendesk.com/api/v2/tickets.json", "https://acme.zendesk.com/api/v2/tickets.json"]);
    expect(zendeskSubdomain("acme.zendesk.com")).toBe("acme");
    expect(zendeskSubdomain("evil.example/x")).toBeNull();
  });

  it("requires an agent email with an API token, or an OAuth token", () => {
    expect(zendeskProvider.credentialsSchema.safeParse({ agentEmail: "a@b.c" }).success).toBe(false);
    expect(zendeskProvider.credentialsSchema.safeParse(credentials).success).toBe(true);
    expect(zendeskProvider.credentialsSchema.safeParse({ oauthToken: "zd-oauth-0f1e2d3c4b5a" }).success).toBe(true);
    expect(zendeskProvider.credentialsSchema.safeParse({ oauthToken: "t" }).error?.issues[0]?.path).toEqual(["oauthToken"]);
  });
});

describeRequestPathClassification(zendeskProvider, { credentials, config });
