import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { sendWith } from "../testing/provider-harness";
import { LINE_FORBIDDEN_USER, LINE_QUOTA_USER, LINE_RATE_LIMITED_USER, LINE_SERVER_ERROR_USER, startFakeLine, type FakeLine } from "./fake";
import { LINE_QUOTA_RETRY_MS, lineProvider, type LineConfig, type LineCredentials } from "./index";
import { stableUuid } from "./stable-uuid";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const channelAccessToken = "k9Jt4xF2/abcDEF+ghiJKL0123456789=";
const credentials: LineCredentials = { channelAccessToken };
const config: LineConfig = lineProvider.configSchema.parse({});
const userId = `U${"4af4980629".repeat(3)}ab`;

let fake: FakeLine;
beforeAll(async () => {
  fake = await startFakeLine({ channelAccessToken });
});
afterAll(() => fake.close());

const send = (to: string, options: { credentials?: LineCredentials; config?: LineConfig; idempotencyKey?: string; text?: string } = {}) =>
  sendWith(lineProvider, {
    baseUrl: fake.url,
    credentials: options.credentials ?? credentials,
    config: options.config ?? config,
    message: { to, ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}), ...(options.text ? { text: options.text } : {}) },
  });

describe("LINE push message", () => {
  it("pushes the text with a retry key and returns the sent message id", async () => {
    const result = await send(userId, { idempotencyKey: "order-1:step-1:line" });
    expect(result).toEqual({ ok: true, providerMessageId: fake.accepted.at(-1)?.messageId, httpStatus: 200 });
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v2/bot/message/push");
    expect(request.headers.authorization).toBe(`Bearer ${channelAccessToken}`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["x-line-retry-key"]).toBe(stableUuid("line:order-1:step-1:line"));
    expect(request.headers["x-line-retry-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(request.text)).toEqual({ to: userId, messages: [{ type: "text", text: expect.stringContaining("Thank you for your order #1001") }] });
  });

  it("treats a retry of an accepted request (409 + X-Line-Accepted-Request-Id) as sent, once", async () => {
    const first = await send(userId, { idempotencyKey: "order-2:step-1:line" });
    const accepted = fake.accepted.length;
    const again = await send(userId, { idempotencyKey: "order-2:step-1:line" });
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual({ ok: true, providerMessageId: fake.accepted.at(-1)!.requestId, httpStatus: 409 });
    expect(fake.accepted.length).toBe(accepted);
    expect(fake.requests.at(-1)!.headers["x-line-retry-key"]).toBe(fake.requests.at(-2)!.headers["x-line-retry-key"]);
  });

  it("derives a stable, distinct UUID per idempotency key", () => {
    expect(stableUuid("a")).toBe(stableUuid("a"));
    expect(stableUuid("a")).not.toBe(stableUuid("b"));
    // RFC 9562 appendix A.4 test vector (namespace DNS, name www.example.com).
    expect(stableUuid("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("sends silently when configured", async () => {
    expect(await send(userId, { config: lineProvider.configSchema.parse({ notificationDisabled: "true" }), idempotencyKey: "silent-1" })).toMatchObject({ ok: true });
    expect(JSON.parse(fake.requests.at(-1)!.text).notificationDisabled).toBe(true);
  });

  it("reports a bad token as permanent without the token", async () => {
    const result = await send(userId, { credentials: { channelAccessToken: "wrong-token-0000000000000" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: expect.stringContaining("LINE: Authentication failed") });
    expect(JSON.stringify(result)).not.toContain("wrong-token-0000000000000");
  });

  it("retries a rate limit with the dispatcher's backoff, and the monthly quota only after an hour", async () => {
    const limited = await send(LINE_RATE_LIMITED_USER);
    expect(limited).toMatchObject({ ok: false, retryable: true, httpStatus: 429, error: expect.stringContaining("rate limit") });
    expect(limited).not.toHaveProperty("retryAfterMs");
    expect(await send(LINE_QUOTA_USER)).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: LINE_QUOTA_RETRY_MS, error: expect.stringContaining("monthly message quota") });
  });

  it("reports bad and unreachable recipients as permanent", async () => {
    expect(await send("not-a-line-id")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("not a LINE user id") });
    expect(await send(LINE_FORBIDDEN_USER)).toMatchObject({ ok: false, retryable: false, httpStatus: 403 });
    const tooLong = await send(userId, { text: "あ".repeat(5001) });
    expect(tooLong).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("5001 characters") });
  });

  it("retries server errors and refused connections", async () => {
    expect(await send(LINE_SERVER_ERROR_USER)).toMatchObject({ ok: false, retryable: true, httpStatus: 500, error: "HTTP 500: LINE: Internal server error" });
    expect(await sendWith(lineProvider, { baseUrl: await refusedUrl(), credentials, config, message: { to: userId } })).toMatchObject({ ok: false, retryable: true });
  });

  it("has no delivery callbacks", () => {
    expect(lineProvider.verifyStatusCallback).toBeUndefined();
    expect(lineProvider.parseStatusCallback).toBeUndefined();
  });
});

describeRequestPathClassification(lineProvider, { credentials, config, message: { to: "U4af4980629a0e1f2c3d4e5f6a7b8c9d0" } });
