import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext } from "../send-context";
import { parseCallback, sampleMessage, sendWith, verifyCallback } from "../testing/provider-harness";
import { messengerDeliveryCallback, startFakeMessenger, type FakeMessenger } from "./fake";
import { messengerProvider, type MessengerConfig, type MessengerCredentials } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const pageAccessToken = "EAAGpageTOKENsecret0123456789abcdef";
const appSecret = "fedcba9876543210fedcba9876543210";
const verifyToken = "orderbell-verify-9c1d";
const pageId = "104239412341234";
const psid = "6543210987654321";
const credentials: MessengerCredentials = { pageAccessToken, appSecret, verifyToken };
const config = messengerProvider.configSchema.parse({ pageId });

let fake: FakeMessenger;
beforeAll(async () => {
  fake = await startFakeMessenger({ pageAccessToken, pageId });
});
afterAll(() => fake.close());

const send = (to: string, options: { credentials?: MessengerCredentials; config?: MessengerConfig; text?: string } = {}) =>
  sendWith(messengerProvider, { baseUrl: fake.url, credentials: options.credentials ?? credentials, config: options.config ?? config, message: { to, ...(options.text ? { text: options.text } : {}) } });

describe("Messenger Send API", () => {
  it("sends a POST_PURCHASE_UPDATE tagged message and returns the message id", async () => {
    const result = await send(psid);
    expect(result).toEqual({ ok: true, providerMessageId: fake.accepted.at(-1)?.id, httpStatus: 200 });
    expect(result.ok && result.providerMessageId).toMatch(/^m_/);
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/v23.0/${pageId}/messages`);
    expect(request.query.get("access_token")).toBe(pageAccessToken);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.text)).toEqual({
      recipient: { id: psid },
      messaging_type: "MESSAGE_TAG",
      tag: "POST_PURCHASE_UPDATE",
      message: { text: expect.stringContaining("Thank you for your order #1001") },
    });
  });

  it("sends as /me without a Page ID, and as RESPONSE without a tag", async () => {
    expect(await send(psid, { config: messengerProvider.configSchema.parse({ messagingType: "RESPONSE" }) })).toMatchObject({ ok: true });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe("/v23.0/me/messages");
    const body = JSON.parse(request.text);
    expect(body.messaging_type).toBe("RESPONSE");
    expect(body).not.toHaveProperty("tag");
  });

  it("reports a bad token as permanent, never showing the token or the URL", async () => {
    const result = await send(psid, { credentials: { pageAccessToken: "EAAGwrongTOKEN000000000000" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: expect.stringContaining("Messenger error 190") });
    expect(JSON.stringify(result)).not.toContain("EAAGwrongTOKEN000000000000");
    expect(JSON.stringify(result)).not.toContain("access_token");
  });

  it("redacts the token if a proxy echoes the URL back", async () => {
    const echo: typeof fetch = async (input) => new Response(JSON.stringify({ error: { message: `bad request to ${String(input)}`, code: 100 } }), { status: 400 });
    const context = createSendContext({ baseUrl: "https://graph.facebook.com", timeoutMs: 1000, credentials, fetch: echo });
    const result = await messengerProvider.send(sampleMessage({ to: psid }), credentials, config, context);
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("access_token=[redacted]") });
    expect(JSON.stringify(result)).not.toContain(pageAccessToken);
  });

  it("retries rate limits and transient errors; refused connections say nothing of the URL", async () => {
    expect(await send("1000000000000613")).toMatchObject({ ok: false, retryable: true, httpStatus: 400, retryAfterMs: 60_000, error: expect.stringContaining("Messenger error 613") });
    expect(await send("1000000000000500")).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    const refused = await sendWith(messengerProvider, { baseUrl: await refusedUrl(), credentials, config, message: { to: psid } });
    expect(refused).toMatchObject({ ok: false, retryable: true });
    expect(JSON.stringify(refused)).not.toContain(pageAccessToken);
  });

  it("reports unknown, unavailable and out-of-window recipients as permanent", async () => {
    expect(await send("1000000000000404")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("Messenger error 100/2018001: (#100) No matching user found") });
    expect(await send("1000000000000551")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("Messenger error 551") });
    expect(await send("1000000000000010")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("outside the 24-hour window") });
    expect(await send("ada@customer.example")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("PSID") });
  });

  it("refuses a text over 2000 characters without calling Messenger", async () => {
    const before = fake.requests.length;
    expect(await send(psid, { text: "x".repeat(2001) })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("2001 characters") });
    expect(fake.requests.length).toBe(before);
  });
});

describe("Messenger delivery webhooks", () => {
  it("accepts a signed message_deliveries event: every mid is delivered", async () => {
    const callback = messengerDeliveryCallback(appSecret, pageId, psid, ["m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P", "m_second"]);
    expect(await verifyCallback(messengerProvider, callback, credentials, config)).toEqual({ ok: true });
    const at = new Date(1_764_237_600_000);
    expect(await parseCallback(messengerProvider, callback)).toEqual([
      { providerMessageId: "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P", status: "delivered", at },
      { providerMessageId: "m_second", status: "delivered", at },
    ]);
  });

  it("refuses a wrong signature or no app secret, and ignores read receipts", async () => {
    const forged = messengerDeliveryCallback("00000000000000000000000000000000", pageId, psid, ["m_x"]);
    expect(await verifyCallback(messengerProvider, forged, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
    const genuine = messengerDeliveryCallback(appSecret, pageId, psid, ["m_x"]);
    expect(await verifyCallback(messengerProvider, genuine, { pageAccessToken }, config)).toMatchObject({ ok: false, reason: expect.stringContaining("App Secret") });
    const read = Buffer.from(JSON.stringify({ object: "page", entry: [{ id: pageId, messaging: [{ sender: { id: psid }, read: { watermark: 1 } }] }] }));
    expect(await parseCallback(messengerProvider, { ...genuine, body: read })).toEqual([]);
  });

  it("answers the subscription handshake only with the right verify token", async () => {
    const query = (token: string) => new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "84213" });
    expect(messengerProvider.verificationChallenge!(query(verifyToken), credentials, config)).toBe("84213");
    expect(messengerProvider.verificationChallenge!(query("not-the-token"), credentials, config)).toBeNull();
  });
});

describeRequestPathClassification(messengerProvider, { credentials, config, message: { to: psid } });
