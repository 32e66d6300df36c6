import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext } from "../send-context";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeGoogleChat, type FakeGoogleChat } from "./fake";
import { googleChatProvider, type GoogleChatConfig, type GoogleChatCredentials } from "./index";
import { chatIdsFor } from "./send";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const clientEmail = "orderbell-chat@trail-co.iam.gserviceaccount.com";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const serviceAccountKey = JSON.stringify({
  type: "service_account",
  project_id: "trail-co",
  private_key_id: "1b2c3d",
  private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  client_email: clientEmail,
  token_uri: "https://oauth2.googleapis.com/token",
});
const webhookKey = "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI";
const webhookToken = "o9mmt6pPp8P1hJ2kK3lL4mM5nN6oO7pP8qQ9rR0sS1t%3D";
const webhookUrl = `https://chat.googleapis.com/v1/spaces/AAAAorders/messages?key=${webhookKey}&token=${webhookToken}`;

let fake: FakeGoogleChat;
let api: { credentials: GoogleChatCredentials; config: GoogleChatConfig };
beforeAll(async () => {
  fake = await startFakeGoogleChat({ clientEmail, publicKey, webhooks: [{ space: "spaces/AAAAorders", key: webhookKey, token: decodeURIComponent(webhookToken) }] });
  api = { credentials: { serviceAccountKey }, config: { mode: "api", defaultChannel: "spaces/AAAAdefault", tokenUrl: fake.tokenUrl } };
});
afterAll(() => fake.close());

const sendApi = (to: string, options: { idempotencyKey?: string; cache?: Map<string, unknown>; config?: GoogleChatConfig } = {}) =>
  sendWith(googleChatProvider, { baseUrl: fake.url, credentials: api.credentials, config: options.config ?? api.config, cache: options.cache, message: { to, ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}) } });

describe("Google Chat API mode (service account)", () => {
  it("exchanges a signed JWT for a token, posts with requestId and messageId, and returns the message name", async () => {
    const result = await sendApi("spaces/AAAAteam", { idempotencyKey: "order-1:step-2:chat" });
    const { requestId, messageId } = chatIdsFor("order-1:step-2:chat");
    expect(result).toEqual({ ok: true, providerMessageId: `spaces/AAAAteam/messages/${messageId}`, httpStatus: 200 });
    const [tokenRequest, request] = fake.requests.slice(-2);
    expect(tokenRequest!.path).toBe("/token");
    expect(new URLSearchParams(tokenRequest!.text).get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/v1/spaces/AAAAteam/messages");
    expect(request!.query.get("requestId")).toBe(requestId);
    expect(request!.query.get("messageId")).toBe(messageId);
    expect(messageId.length).toBeLessThanOrEqual(63);
    expect(request!.headers.authorization).toMatch(/^Bearer ya29\./);
    expect(request!.headers["content-type"]).toBe("application/json; charset=UTF-8");
    expect(JSON.parse(request!.text)).toEqual({ text: expect.stringContaining("Thank you for your order #1001") });
  });

  it("is idempotent: a retry with the same key returns the same message and posts nothing new", async () => {
    const cache = new Map<string, unknown>();
    const first = await sendApi("spaces/AAAAteam", { idempotencyKey: "order-2:step-2:chat", cache });
    const count = fake.messages.length;
    const again = await sendApi("spaces/AAAAteam", { idempotencyKey: "order-2:step-2:chat", cache });
    expect(again).toEqual(first);
    expect(fake.messages.length).toBe(count);
  });

  it("posts to the default space when the step names none", async () => {
    expect(await sendApi("")).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^spaces\/AAAAdefault\/messages\/client-/) });
    expect(await sendApi("general")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("not a Google Chat space name") });
  });

  it("refreshes a revoked token once on 401, reusing the cached one otherwise", async () => {
    const cache = new Map<string, unknown>();
    await sendApi("spaces/AAAAteam", { idempotencyKey: "order-3:a", cache });
    const tokenCalls = () => fake.requests.filter((request) => request.path === "/token").length;
    const before = tokenCalls();
    expect(await sendApi("spaces/AAAAteam", { idempotencyKey: "order-3:b", cache })).toMatchObject({ ok: true });
    expect(tokenCalls()).toBe(before);
    fake.revokeTokens();
    expect(await sendApi("spaces/AAAAteam", { idempotencyKey: "order-3:c", cache })).toMatchObject({ ok: true });
    expect(tokenCalls()).toBe(before + 1);
  });

  it("reports a key the token endpoint refuses as permanent", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const result = await sendWith(googleChatProvider, { baseUrl: fake.url, credentials: { serviceAccountKey: JSON.stringify({ ...JSON.parse(serviceAccountKey), private_key: other }) }, config: api.config, message: { to: "spaces/AAAAteam" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: expect.stringContaining("invalid_grant") });
    expect(JSON.stringify(result)).not.toContain("PRIVATE KEY");
  });

  it("retries RESOURCE_EXHAUSTED and 5xx; unknown and forbidden spaces are permanent", async () => {
    expect(await sendApi("spaces/BUSY")).toMatchObject({ ok: false, retryable: true, httpStatus: 429, error: expect.stringContaining("RESOURCE_EXHAUSTED") });
    expect(await sendApi("spaces/DOWN")).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    expect(await sendApi("spaces/NOTFOUND")).toMatchObject({ ok: false, retryable: false, httpStatus: 404, error: "HTTP 404: Google Chat NOT_FOUND: Requested entity was not found." });
    expect(await sendApi("spaces/FORBIDDEN")).toMatchObject({ ok: false, retryable: false, httpStatus: 403 });
    expect(await sendWith(googleChatProvider, { baseUrl: await refusedUrl(), credentials: api.credentials, config: api.config, message: { to: "spaces/AAAAteam" } })).toMatchObject({ ok: false, retryable: true });
  });

  it("refuses a message over 32,000 bytes without calling Google", async () => {
    const before = fake.requests.length;
    const result = await sendWith(googleChatProvider, { baseUrl: fake.url, credentials: api.credentials, config: api.config, message: { to: "spaces/AAAAteam", text: "é".repeat(16_001) } });
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("32002 bytes") });
    expect(fake.requests.length).toBe(before);
  });
});

describe("Google Chat webhook mode", () => {
  it("posts to the webhook's path and query on the overridden host and returns the message name", async () => {
    const result = await sendWith(googleChatProvider, { baseUrl: fake.url, credentials: { webhookUrl }, config: { mode: "auto" }, message: { to: "" } });
    expect(result).toEqual({ ok: true, providerMessageId: fake.messages.at(-1)!.name, httpStatus: 200 });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe("/v1/spaces/AAAAorders/messages");
    expect(request.query.get("key")).toBe(webhookKey);
    expect(request.query.get("token")).toBe(decodeURIComponent(webhookToken));
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers["content-type"]).toBe("application/json; charset=UTF-8");
  });

  it("without an override, posts to the webhook URL itself", async () => {
    const urls: string[] = [];
    const stub: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ name: "spaces/AAAAorders/messages/x.y", thread: { name: "spaces/AAAAorders/threads/z" } }), { status: 200 });
    };
    const context = createSendContext({ baseUrl: googleChatProvider.defaultBaseUrl, timeoutMs: 1000, fetch: stub });
    expect(await googleChatProvider.send(sampleMessage({ to: "" }), { webhookUrl }, { mode: "auto" }, context)).toMatchObject({ ok: true, providerMessageId: "spaces/AAAAorders/messages/x.y" });
    expect(urls).toEqual([webhookUrl]);
  });

  it("reports a revoked webhook as permanent without its key or token", async () => {
    const revoked = webhookUrl.replace(webhookToken, "revokedTOKEN123");
    const result = await sendWith(googleChatProvider, { baseUrl: fake.url, credentials: { webhookUrl: revoked }, config: { mode: "auto" }, message: { to: "" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: expect.stringContaining("UNAUTHENTICATED") });
    expect(JSON.stringify(result)).not.toContain("revokedTOKEN123");
    expect(JSON.stringify(result)).not.toContain(webhookKey);
  });

  it("validates the credentials", () => {
    expect(googleChatProvider.credentialsSchema.safeParse({}).success).toBe(false);
    expect(googleChatProvider.configSchema.parse({ mode: "" })).toEqual({ mode: "auto" });
    expect(googleChatProvider.credentialsSchema.safeParse({ webhookUrl: "https://chat.example/v1/spaces/A/messages?key=k&token=t" }).success).toBe(false);
    expect(googleChatProvider.credentialsSchema.safeParse({ serviceAccountKey: '{"type":"authorized_user"}' }).success).toBe(false);
    expect(googleChatProvider.credentialsSchema.safeParse({ serviceAccountKey }).success).toBe(true);
  });
});

describeRequestPathClassification(googleChatProvider, { credentials: { webhookUrl }, config: { mode: "webhook" } });
