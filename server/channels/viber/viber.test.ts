import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { parseCallback, sendWith, verifyCallback } from "../testing/provider-harness";
import { startFakeViber, viberCallback, type FakeViber } from "./fake";
import { viberProvider, type ViberConfig, type ViberCredentials } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const authToken = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";
const credentials: ViberCredentials = { authToken };
const config: ViberConfig = { senderName: "Trail & Co", senderAvatar: "https://shop.example/logo.png" };
const userId = "01234567890A=";

let fake: FakeViber;
beforeAll(async () => {
  fake = await startFakeViber({ authToken });
});
afterAll(() => fake.close());

const send = (to: string, options: { credentials?: ViberCredentials; config?: ViberConfig } = {}) =>
  sendWith(viberProvider, { baseUrl: fake.url, credentials: options.credentials ?? credentials, config: options.config ?? config, message: { to } });

describe("Viber send_message", () => {
  it("sends the text and keeps the int64 message_token exact", async () => {
    const result = await send(userId);
    expect(result).toEqual({ ok: true, providerMessageId: "5741311803571721087", httpStatus: 200 });
    expect(fake.sent.at(-1)!.messageToken).toBe("5741311803571721087");
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/pa/send_message");
    expect(request.headers["x-viber-auth-token"]).toBe(authToken);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.text)).toEqual({
      receiver: userId,
      min_api_version: 1,
      sender: { name: "Trail & Co", avatar: "https://shop.example/logo.png" },
      tracking_data: "0d9c8f3e-0000-4000-8000-000000000001:step-1:channel-1",
      type: "text",
      text: expect.stringContaining("Thank you for your order #1001"),
    });
    expect(JSON.stringify(JSON.parse(request.text))).not.toContain(authToken);
  });

  it("reports a bad token (status 2 inside a 200) as permanent without the token", async () => {
    const result = await send(userId, { credentials: { authToken: "wrongwrongwrongwrong-0000" } });
    expect(result).toEqual({ ok: false, retryable: false, httpStatus: 200, error: "HTTP 200: Viber status 2 (invalidAuthToken)" });
  });

  it("retries tooManyRequests (status 12 inside a 200)", async () => {
    expect(await send("throttled=")).toMatchObject({ ok: false, retryable: true, httpStatus: 200, retryAfterMs: 10_000, error: expect.stringContaining("Viber status 12 (tooManyRequests)") });
  });

  it("reports unregistered and unsubscribed receivers as permanent", async () => {
    expect(await send("notregistered=")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("Viber status 5 (receiverNotRegistered)") });
    expect(await send("notsubscribed=")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("Viber status 6 (receiverNotSubscribed)") });
    expect(await send(userId, { config: { senderName: "A sender name far longer than Viber allows" } })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("badData") });
  });

  it("retries server errors and refused connections", async () => {
    expect(await send("servererror=")).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    expect(await sendWith(viberProvider, { baseUrl: await refusedUrl(), credentials, config, message: { to: userId } })).toMatchObject({ ok: false, retryable: true });
  });

  it("validates the sender settings", async () => {
    expect(viberProvider.configSchema.safeParse({ senderName: "x".repeat(29) }).success).toBe(false);
    expect(viberProvider.configSchema.safeParse({ senderName: "Trail & Co", senderAvatar: "http://shop.example/logo.png" }).success).toBe(false);
    expect(viberProvider.configSchema.safeParse({ senderName: "Trail & Co", senderAvatar: "" }).data).toEqual({ senderName: "Trail & Co" });
  });
});

describe("Viber callbacks", () => {
  const token = "5741311803571721087";

  it("accepts signed delivered, seen and failed events, matching the exact token", async () => {
    const delivered = viberCallback(authToken, "delivered", token);
    expect(await verifyCallback(viberProvider, delivered, credentials, config)).toEqual({ ok: true });
    const at = new Date(1_764_237_600_123);
    expect(await parseCallback(viberProvider, delivered)).toEqual([{ providerMessageId: token, status: "delivered", at }]);
    expect(await parseCallback(viberProvider, viberCallback(authToken, "seen", token))).toEqual([{ providerMessageId: token, status: "delivered", at }]);
    expect(await parseCallback(viberProvider, viberCallback(authToken, "failed", token, { desc: "failure description" }))).toEqual([{ providerMessageId: token, status: "failed", reason: "Viber: failure description", at }]);
    expect(await parseCallback(viberProvider, viberCallback(authToken, "webhook", token))).toEqual([]);
  });

  it("refuses a wrong signature, a tampered body and a missing header", async () => {
    expect(await verifyCallback(viberProvider, viberCallback("another-token-0000000000", "delivered", token), credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
    const genuine = viberCallback(authToken, "failed", token, { desc: "x" });
    const tampered = { ...genuine, body: Buffer.from(genuine.body.toString().replace('"failed"', '"seen"')) };
    expect(await verifyCallback(viberProvider, tampered, credentials, config)).toMatchObject({ ok: false });
    expect(await verifyCallback(viberProvider, { ...genuine, headers: new Headers() }, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("Missing") });
  });
});

describeRequestPathClassification(viberProvider, { credentials, config, message: { to: "01234567890A=" } });
