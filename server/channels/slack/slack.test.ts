import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext } from "../send-context";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeSlack, type FakeSlack } from "./fake";
import { slackProvider, type SlackConfig, type SlackCredentials } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const botToken = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
const webhookPath = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
const webhookUrl = `https://hooks.slack.com${webhookPath}`;
const bot: SlackCredentials = { botToken };
const config: SlackConfig = { mode: "bot", defaultChannel: "C0DEFAULT1" };

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ botToken, webhookPaths: [webhookPath], retryAfterSeconds: 4 });
});
afterAll(() => fake.close());

const send = (to: string, options: { credentials?: SlackCredentials; config?: SlackConfig; text?: string } = {}) =>
  sendWith(slackProvider, { baseUrl: fake.url, credentials: options.credentials ?? bot, config: options.config ?? config, message: { to, ...(options.text ? { text: options.text } : {}) } });

describe("Slack chat.postMessage (bot mode)", () => {
  it("posts the alert with the order block and returns channel:ts", async () => {
    const result = await send("C0ORDERS01", { text: "New order #1001 from Ada <ada@customer.example> & co" });
    expect(result).toEqual({ ok: true, providerMessageId: `C0ORDERS01:${fake.posted.at(-1)!.ts}`, httpStatus: 200 });
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/api/chat.postMessage");
    expect(request.headers.authorization).toBe(`Bearer ${botToken}`);
    expect(request.headers["content-type"]).toBe("application/json; charset=utf-8");
    const body = JSON.parse(request.text);
    expect(body).toMatchObject({ channel: "C0ORDERS01", text: "New order #1001 from Ada <ada@customer.example> & co", unfurl_links: false });
    expect(body.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "New order #1001 from Ada &lt;ada@customer.example&gt; &amp; co" } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*Order*\n#1001" },
          { type: "mrkdwn", text: "*Total*\n$158.57" },
          { type: "mrkdwn", text: "*Customer*\nAda Lovelace · ada@customer.example" },
          { type: "mrkdwn", text: "*Receipt*\n<https://orders.shop.example/r/abc|View receipt>" },
        ],
      },
    ]);
  });

  it("posts to the default channel when the step names none, and keeps a long text within Block Kit limits", async () => {
    expect(await send("", { text: "&".repeat(3500) })).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^C0DEFAULT1:/) });
    const section = JSON.parse(fake.requests.at(-1)!.text).blocks[0].text.text as string;
    expect(section.length).toBeLessThanOrEqual(3000);
    expect(section).toMatch(/^(&amp;)+…$/);
    expect(await send("", { config: { mode: "bot" } })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("No Slack channel") });
  });

  it("reports invalid_auth (inside a 200) as permanent without the token", async () => {
    const result = await send("C0ORDERS01", { credentials: { botToken: "xoxb-wrong-token-000" } });
    expect(result).toEqual({ ok: false, retryable: false, httpStatus: 200, error: "HTTP 200: Slack error: invalid_auth" });
  });

  it("retries 429 with Retry-After, internal_error inside a 200, 5xx and refused connections", async () => {
    expect(await send("C0RATELIMIT")).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 4000, error: expect.stringContaining("ratelimited") });
    expect(await send("C0INTERNAL")).toMatchObject({ ok: false, retryable: true, httpStatus: 200, error: expect.stringContaining("internal_error") });
    expect(await send("C0DOWN")).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    expect(await sendWith(slackProvider, { baseUrl: await refusedUrl(), credentials: bot, config, message: { to: "C0ORDERS01" } })).toMatchObject({ ok: false, retryable: true });
  });

  it("reports unknown, archived and not-joined channels as permanent", async () => {
    expect(await send("C0NOTFOUND")).toMatchObject({ ok: false, retryable: false, error: "HTTP 200: Slack error: channel_not_found" });
    expect(await send("C0ARCHIVED")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("is_archived") });
    expect(await send("C0NOTIN")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("not_in_channel") });
  });
});

describe("Slack incoming webhook (webhook mode)", () => {
  const hook: SlackCredentials = { webhookUrl };
  const sendHook = (url: string) => sendWith(slackProvider, { baseUrl: fake.url, credentials: { webhookUrl: url }, config: { mode: "auto" }, message: { to: "" } });

  it("posts to the webhook's path on the overridden host; Slack answers a plain ok and no id", async () => {
    const result = await sendWith(slackProvider, { baseUrl: fake.url, credentials: hook, config: { mode: "webhook" }, message: { to: "C0IGNORED" } });
    expect(result).toEqual({ ok: true, providerMessageId: null, httpStatus: 200 });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe(webhookPath);
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(request.text)).toMatchObject({ text: expect.stringContaining("#1001"), blocks: expect.any(Array) });
    expect(fake.posted.at(-1)!.via).toBe("webhook");
  });

  it("without an override, posts to the webhook URL itself (hooks.slack.com)", async () => {
    const urls: string[] = [];
    const stub: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response("ok", { status: 200 });
    };
    const context = createSendContext({ baseUrl: slackProvider.defaultBaseUrl, timeoutMs: 1000, fetch: stub });
    expect(await slackProvider.send(sampleMessage({ to: "" }), hook, { mode: "auto" }, context)).toMatchObject({ ok: true });
    expect(urls).toEqual([webhookUrl]);
  });

  it("maps the plain-text errors, never showing the webhook URL", async () => {
    const archived = await sendHook("https://hooks.slack.com/services/T1/B1/ARCHIVED");
    expect(archived).toEqual({ ok: false, retryable: false, httpStatus: 410, error: "HTTP 410: Slack webhook error: channel_is_archived" });
    expect(await sendHook("https://hooks.slack.com/services/T1/B1/PROHIBITED")).toMatchObject({ ok: false, retryable: false, httpStatus: 403 });
    const unknown = await sendHook("https://hooks.slack.com/services/T1/B1/revokedSECRET");
    expect(unknown).toMatchObject({ ok: false, retryable: false, httpStatus: 404, error: "HTTP 404: Slack webhook error: no_service" });
    expect(JSON.stringify(unknown)).not.toContain("revokedSECRET");
    expect(await sendHook("https://hooks.slack.com/services/T1/B1/THROTTLED")).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 4000 });
    expect(await sendHook("https://hooks.slack.com/services/T1/B1/DOWN")).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
  });

  it("validates the credentials and picks the mode from them when unset", async () => {
    expect(slackProvider.credentialsSchema.safeParse({}).success).toBe(false);
    expect(slackProvider.configSchema.parse({})).toEqual({ mode: "auto" });
    expect(slackProvider.credentialsSchema.safeParse({ webhookUrl: "https://evil.example/services/T/B/X" }).success).toBe(false);
    expect(slackProvider.credentialsSchema.safeParse({ botToken: "xoxp-user-token" }).success).toBe(false);
    expect(await sendWith(slackProvider, { baseUrl: fake.url, credentials: hook, config: { mode: "bot" }, message: { to: "C0X" } })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("no bot token") });
  });
});

describeRequestPathClassification(slackProvider, { credentials: bot, config });
