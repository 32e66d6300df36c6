import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeHubSpot, type FakeHubSpot } from "./fake";
import { hubspotProvider } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials = { accessToken: "pat-na1-11111111-2222" };
const transactional = { mode: "transactional_email" as const, emailId: 4242 };
const note = { mode: "timeline_note" as const };

let fake: FakeHubSpot | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(scenario?: Parameters<typeof startFakeHubSpot>[0]["scenario"]) {
  fake = await startFakeHubSpot({ accessToken: credentials.accessToken, emailId: 4242, scenario });
  return fake;
}

describe("HubSpot provider — transactional email", () => {
  it("upserts the contact by email, sends the email with the order as custom properties and returns the statusId", async () => {
    const server = await start();
    const result = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: transactional });
    expect(result).toEqual({ ok: true, providerMessageId: "b7c1d2e3-0001-4f00-9a00-5e0d0c0a0b01", httpStatus: 200 });

    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /crm/v3/objects/contacts/batch/upsert",
      "POST /marketing/v3/transactional/single-email/send",
    ]);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe("Bearer pat-na1-11111111-2222");
      expect(request.headers["content-type"]).toContain("application/json");
    }
    expect(JSON.parse(server.requests[0]?.text ?? "")).toEqual({
      inputs: [{ idProperty: "email", id: "ada@customer.example", properties: { email: "ada@customer.example", firstname: "Ada", lastname: "Lovelace", phone: "+14155550132" } }],
    });
    const send = JSON.parse(server.requests[1]?.text ?? "");
    expect(send.emailId).toBe(4242);
    expect(send.message).toEqual({ to: "ada@customer.example", sendId: sampleMessage().idempotencyKey });
    expect(send.contactProperties).toEqual({ firstname: "Ada", lastname: "Lovelace" });
    expect(send.customProperties).toMatchObject({
      order_number: "#1001",
      order_total: "$158.57",
      order_currency: "USD",
      receipt_url: "https://orders.shop.example/r/abc",
      delivery_estimate: "Dec 3, 2026",
      item_count: "3",
      store_name: "Trail & Co",
    });
    expect(send.customProperties.items_html).toContain("<li>2 × Merino Socks (M) — $29.00</li>");
  });

  it("sends nothing twice for a retried sendId and still succeeds", async () => {
    const server = await start();
    const first = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: transactional });
    const again = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: transactional });
    expect(again).toMatchObject({ ok: true, providerMessageId: first.ok ? first.providerMessageId : "" });
    expect(server.sends).toHaveLength(1);
  });

  it("retries a send HubSpot answers 200 but THROTTLED", async () => {
    const server = await start("send-throttled");
    const result = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: transactional });
    expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("THROTTLED") });
  });

  it("refuses to send without an email id, and the config schema says so", async () => {
    const server = await start();
    const result = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: { mode: "transactional_email" } });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(server.requests).toHaveLength(0);
    expect(hubspotProvider.configSchema.safeParse({ mode: "transactional_email" }).success).toBe(false);
    expect(hubspotProvider.configSchema.safeParse({ mode: "transactional_email", emailId: "4242" }).success).toBe(true);
  });

  it("sends the email id as an integer even when the stored config holds it as text", async () => {
    const server = await start();
    const stored = { mode: "transactional_email", emailId: "4242" } as unknown as typeof transactional;
    expect(await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: stored })).toMatchObject({ ok: true });
    expect(JSON.parse(server.requests[1]?.text ?? "").emailId).toBe(4242);
  });

  it("treats an unknown email id (VALIDATION_ERROR) as permanent", async () => {
    const server = await start();
    const result = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: { ...transactional, emailId: 1 } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: expect.stringContaining("VALIDATION_ERROR: Email 1 does not exist") });
  });
});

describe("HubSpot provider — timeline note", () => {
  it("upserts the contact and logs a note associated with it (type 202), returning the note id", async () => {
    const server = await start();
    const result = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: note });
    expect(result).toEqual({ ok: true, providerMessageId: "9052", httpStatus: 201 });
    expect(server.requests[1]?.path).toBe("/crm/v3/objects/notes");
    const body = JSON.parse(server.requests[1]?.text ?? "");
    expect(body.associations).toEqual([{ to: { id: "51" }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 202 }] }]);
    expect(body.properties.hs_timestamp).toBe("2026-11-27T10:00:00.000Z");
    expect(body.properties.hs_note_body).toContain("Order #1001 confirmed</strong> — total $158.57");
    expect(body.properties.hs_note_body).toContain('<a href="https://orders.shop.example/r/abc">');
    expect(body.properties.hs_note_body).toContain(sampleMessage().idempotencyKey);
  });

  it("is the default mode", async () => {
    const server = await start();
    expect(await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: {} })).toMatchObject({ ok: true });
    expect(server.notes).toHaveLength(1);
  });
});

describe("HubSpot provider — failures", () => {
  it("treats a bad token as permanent, with HubSpot's category and no secret", async () => {
    const server = await start();
    const result = await sendWith(hubspotProvider, { baseUrl: server.url, credentials: { accessToken: "pat-wrong" }, config: note });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: expect.stringContaining("INVALID_AUTHENTICATION") });
    expect(JSON.stringify(result)).not.toContain("pat-wrong");
  });

  it("treats a missing scope (403) as permanent", async () => {
    const server = await start("missing-scope");
    expect(await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: note })).toMatchObject({ ok: false, retryable: false, httpStatus: 403 });
  });

  it("retries RATE_LIMITS, waiting the rate-limit interval when there is no Retry-After", async () => {
    const server = await start("throttled");
    const result = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: transactional });
    expect(result).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 10_000, error: expect.stringContaining("RATE_LIMITS") });
  });

  it("treats an invalid customer email as permanent", async () => {
    const server = await start();
    const result = await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: note, message: { to: "not-an-email" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: expect.stringContaining("INVALID_EMAIL") });
    expect(server.requests).toHaveLength(1);
  });

  it("retries server errors and unreachable hosts", async () => {
    const server = await start("server-error");
    expect(await sendWith(hubspotProvider, { baseUrl: server.url, credentials, config: note })).toMatchObject({ ok: false, retryable: true, httpStatus: 502 });
    expect(await sendWith(hubspotProvider, { baseUrl: await refusedUrl(), credentials, config: note })).toMatchObject({ ok: false, retryable: true });
  });
});

describeRequestPathClassification(hubspotProvider, { credentials, config: transactional });
