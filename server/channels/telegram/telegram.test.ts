import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import type { OutboundOrder } from "../channel-provider";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeTelegram, type FakeTelegram } from "./fake";
import { telegramProvider, type TelegramConfig, type TelegramCredentials } from "./index";
import { buttonUrl } from "./send";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const botToken = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const credentials: TelegramCredentials = { botToken };
const config: TelegramConfig = telegramProvider.configSchema.parse({});
const chatId = "414155550";
const order: OutboundOrder = { ...sampleMessage().order, statusUrl: "https://shop.example/orders/1001/status" };

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram({ botToken, retryAfterSeconds: 12 });
});
afterAll(() => fake.close());

const send = (to: string, options: { credentials?: TelegramCredentials; text?: string; order?: OutboundOrder } = {}) =>
  sendWith(telegramProvider, { baseUrl: fake.url, credentials: options.credentials ?? credentials, config, message: { to, order: options.order ?? order, ...(options.text ? { text: options.text } : {}) } });

describe("Telegram sendMessage", () => {
  it("sends HTML-escaped text with receipt and tracking buttons, and returns chat:message id", async () => {
    const text = "Hi Ada <3 — order #1001 from Trail & Co.\nReceipt: https://orders.shop.example/r/abc";
    const result = await send(chatId, { text });
    expect(result).toEqual({ ok: true, providerMessageId: `${chatId}:${fake.sent.at(-1)!.messageId}`, httpStatus: 200 });
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/bot${botToken}/sendMessage`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.text)).toEqual({
      chat_id: chatId,
      text: "Hi Ada &lt;3 — order #1001 from Trail &amp; Co.\nReceipt: https://orders.shop.example/r/abc",
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: {
        inline_keyboard: [
          [
            { text: "View receipt", url: "https://orders.shop.example/r/abc" },
            { text: "Track order", url: "https://shop.example/orders/1001/status" },
          ],
        ],
      },
    });
    // What the customer sees is the original text.
    expect(fake.sent.at(-1)!.plainText).toBe(text);
  });

  it("leaves out buttons Telegram would refuse (no status page, localhost) rather than losing the message", async () => {
    const result = await send(chatId, { order: { ...order, statusUrl: null, receiptUrl: "http://localhost:3000/r/abc" } });
    expect(result).toMatchObject({ ok: true });
    expect(JSON.parse(fake.requests.at(-1)!.text)).not.toHaveProperty("reply_markup");
    expect(buttonUrl("http://192.168.1.10/r/x")).toBeNull();
    expect(buttonUrl("https://orders.shop.example/r/x")).toBe("https://orders.shop.example/r/x");
  });

  it("reports a bad token as permanent, never showing the token", async () => {
    const wrong = "7012345678:AAwrongwrongwrongwrongwrongwrong00";
    const result = await send(chatId, { credentials: { botToken: wrong } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: "HTTP 401: Telegram error 401: Unauthorized" });
    expect(JSON.stringify(result)).not.toContain("AAwrongwrong");
  });

  it("retries 429 after parameters.retry_after", async () => {
    expect(await send("429")).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 12_000, error: expect.stringContaining("retry after 12") });
  });

  it("reports unknown chats, blocked bots and migrated groups as permanent", async () => {
    expect(await send("404")).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: "HTTP 400: Telegram error 400: Bad Request: chat not found" });
    expect(await send("403")).toMatchObject({ ok: false, retryable: false, httpStatus: 403, error: expect.stringContaining("bot was blocked by the user") });
    expect(await send("-1001")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("supergroup -1001234567890") });
    expect(await send("ada@customer.example")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("not a Telegram chat id") });
  });

  it("retries server errors and refused connections, without the token in the error", async () => {
    expect(await send("500")).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    const refused = await sendWith(telegramProvider, { baseUrl: await refusedUrl(), credentials, config, message: { to: chatId } });
    expect(refused).toMatchObject({ ok: false, retryable: true });
    expect(JSON.stringify(refused)).not.toContain(botToken.split(":")[1]);
  });

  it("refuses a text over 4096 characters without calling Telegram", async () => {
    const before = fake.requests.length;
    expect(await send(chatId, { text: "x".repeat(4097) })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("4097 characters") });
    expect(fake.requests.length).toBe(before);
  });

  it("accepts only bot tokens that are safe in a URL path", () => {
    expect(telegramProvider.credentialsSchema.safeParse({ botToken: "7012345678:AAH/../../x?y=zzzzzzzzzzzzzzzzzzzzzzzz" }).success).toBe(false);
    expect(telegramProvider.credentialsSchema.safeParse({ botToken: ` ${botToken} ` }).data).toEqual(credentials);
  });
});

describeRequestPathClassification(telegramProvider, { credentials, config, message: { to: "123456789" } });
