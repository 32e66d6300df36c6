import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext, sendThrough } from "../send-context";
import { parseCallback, sampleMessage, sendWith, verifyCallback } from "../testing/provider-harness";
import { startFakeWhatsApp, whatsappStatusCallback, type FakeWhatsApp } from "./fake";
import { whatsappProvider, type WhatsAppConfig, type WhatsAppCredentials } from "./index";
import { whatsappMessageSchema, whatsappTemplateMessageSchema, whatsappTextMessageSchema } from "./message-schema";
import { whatsappRequestBody } from "./send";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const accessToken = "EAAGm0PX4ZCpsBAKZBvZCsecretTOKEN1234567890";
const appSecret = "0123456789abcdef0123456789abcdef";
const verifyToken = "orderbell-verify-7f3a";
const phoneNumberId = "106540352242922";
const credentials: WhatsAppCredentials = { accessToken, appSecret, verifyToken };
const config = whatsappProvider.configSchema.parse({
  phoneNumberId,
  templateName: "order_confirmation",
  languageCode: "en_US",
  bodyParameters: "customer.first_name, order.number, order.total, order.receipt_url",
});

let fake: FakeWhatsApp;
beforeAll(async () => {
  fake = await startFakeWhatsApp({ accessToken, phoneNumberId, templates: { order_confirmation: { language: "en_US", parameters: 4 } } });
});
afterAll(() => fake.close());

const send = (to: string, options: { credentials?: WhatsAppCredentials; config?: WhatsAppConfig; variables?: Record<string, string>; text?: string } = {}) =>
  sendWith(whatsappProvider, {
    baseUrl: fake.url,
    credentials: options.credentials ?? credentials,
    config: options.config ?? config,
    message: { to, ...(options.variables ? { variables: options.variables } : {}), ...(options.text ? { text: options.text } : {}) },
  });

describe("WhatsApp Cloud API", () => {
  it("sends the approved template with the body parameters in order and returns the wamid", async () => {
    const result = await send("+1 415 555 0132");
    expect(result).toEqual({ ok: true, providerMessageId: fake.accepted.at(-1)?.id, httpStatus: 200 });
    expect(result.ok && result.providerMessageId).toMatch(/^wamid\./);

    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/v23.0/${phoneNumberId}/messages`);
    expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(request.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(request.text);
    expect(body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "14155550132",
      type: "template",
      template: {
        name: "order_confirmation",
        language: { policy: "deterministic", code: "en_US" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ada" },
              { type: "text", text: "#1001" },
              { type: "text", text: "$158.57" },
              { type: "text", text: "https://orders.shop.example/r/abc" },
            ],
          },
        ],
      },
    });
  });

  it("sends template and text bodies the official v23.0 description accepts: closed objects, language policy", () => {
    const template = whatsappRequestBody(sampleMessage({ to: "+14155550132" }), config);
    const text = whatsappRequestBody(sampleMessage({ to: "+14155550132" }), whatsappProvider.configSchema.parse({ phoneNumberId, mode: "text" }));
    expect(template.ok && whatsappTemplateMessageSchema.safeParse(template.body).success).toBe(true);
    expect(text.ok && whatsappTextMessageSchema.safeParse(text.body).success).toBe(true);
    // The rules themselves: what the earlier bodies had is refused.
    const body = template.ok ? template.body : {};
    expect(whatsappMessageSchema.safeParse({ ...body, biz_opaque_callback_data: "order-1" }).success).toBe(false);
    expect(whatsappMessageSchema.safeParse({ ...body, template: { name: "order_confirmation", language: { code: "en_US" } } }).success).toBe(false);
    const textBody = text.ok ? text.body : {};
    expect(whatsappMessageSchema.safeParse({ ...textBody, text: { preview_url: false, body: "hi" } }).success).toBe(false);
  });

  it("is refused by the fake like by the real API when the body breaks the description", async () => {
    const answer = await fetch(`${fake.url}/v23.0/${phoneNumberId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: "14155550132", biz_opaque_callback_data: "x", type: "text", text: { body: "hi" } }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 100 } });
  });

  it("reports an answer that is not a Graph error with its status and a body excerpt", async () => {
    const proxy: typeof fetch = async () => new Response(`<html><body><h1>502 Bad Gateway</h1><p>upstream sent ${accessToken}</p></body></html>`, { status: 502, headers: { "content-type": "text/html" } });
    const context = createSendContext({ baseUrl: "https://graph.facebook.com", timeoutMs: 1000, credentials, fetch: proxy });
    const result = await sendThrough(whatsappProvider, sampleMessage({ to: "+14155550132" }), credentials, config, context);
    expect(result).toEqual({ ok: false, retryable: true, httpStatus: 502, error: "HTTP 502: 502 Bad Gateway upstream sent [redacted]" });
    const refusedPage: typeof fetch = async () => new Response("Forbidden by policy", { status: 403 });
    const forbidden = await sendThrough(whatsappProvider, sampleMessage({ to: "+14155550132" }), credentials, config, createSendContext({ baseUrl: "https://graph.facebook.com", timeoutMs: 1000, credentials, fetch: refusedPage }));
    expect(forbidden).toEqual({ ok: false, retryable: false, httpStatus: 403, error: "HTTP 403: Forbidden by policy" });
  });

  it("folds newlines and long runs of spaces in parameters, which WhatsApp refuses", async () => {
    const variables = { "customer.first_name": "Ada\nLovelace", "order.number": "#1001", "order.total": "$158.57", "order.receipt_url": "https://orders.shop.example/r/abc      x" };
    expect(await send("14155550132", { variables })).toMatchObject({ ok: true });
    const parameters = JSON.parse(fake.requests.at(-1)!.text).template.components[0].parameters;
    expect(parameters[0].text).toBe("Ada Lovelace");
    expect(parameters[3].text).toBe("https://orders.shop.example/r/abc   x");
  });

  it("refuses a missing or empty variable, naming it, without calling WhatsApp", async () => {
    const before = fake.requests.length;
    const missing = await send("14155550132", { config: { ...config, bodyParameters: ["customer.first_name", "order.tracking_number"] } });
    expect(missing).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('"order.tracking_number"') });
    const empty = await send("14155550132", { variables: { "customer.first_name": " ", "order.number": "#1", "order.total": "$1", "order.receipt_url": "https://x.example" } });
    expect(empty).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('"customer.first_name" is empty') });
    expect(fake.requests.length).toBe(before);
  });

  it("reports WhatsApp's template errors as permanent, with the code and details", async () => {
    const wrongName = await send("14155550132", { config: { ...config, templateName: "order_confirmed" } });
    expect(wrongName).toMatchObject({ ok: false, retryable: false, error: expect.stringMatching(/WhatsApp error 132001: .*template name \(order_confirmed\) does not exist in en_US/) });
    const wrongCount = await send("14155550132", { config: { ...config, bodyParameters: ["order.number"] } });
    expect(wrongCount).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: expect.stringContaining("WhatsApp error 132000") });
  });

  it("sends free text in text mode (24-hour window), and a failed status later says why", async () => {
    const textConfig = whatsappProvider.configSchema.parse({ phoneNumberId, mode: "text" });
    const result = await send("14155550132", { config: textConfig });
    expect(result).toMatchObject({ ok: true });
    const body = JSON.parse(fake.requests.at(-1)!.text);
    expect(body).toEqual({ messaging_product: "whatsapp", recipient_type: "individual", to: "14155550132", type: "text", text: { body: expect.stringContaining("Thank you for your order #1001") } });
    expect(body.template).toBeUndefined();

    const id = result.ok ? result.providerMessageId! : "";
    const callback = whatsappStatusCallback(appSecret, phoneNumberId, [
      { id, status: "failed", recipient_id: "14155550132", errors: [{ code: 131047, title: "Re-engagement message", error_data: { details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." } }] },
    ]);
    expect(await verifyCallback(whatsappProvider, callback, credentials, textConfig)).toEqual({ ok: true });
    expect(await parseCallback(whatsappProvider, callback, credentials, textConfig)).toEqual([
      { providerMessageId: id, status: "failed", reason: expect.stringMatching(/^WhatsApp error 131047: Re-engagement message — Message failed to send because more than 24 hours/), at: new Date(1_764_237_600_000) },
    ]);
  });

  it("reports a bad token as permanent without the token", async () => {
    const result = await send("14155550132", { credentials: { accessToken: "EAAGwrongwrongwrongwrong000" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: expect.stringContaining("WhatsApp error 190") });
    expect(JSON.stringify(result)).not.toContain("EAAGwrongwrongwrongwrong000");
  });

  it("retries throttling by code, even inside a 400, with a wait fitting each limit", async () => {
    expect(await send("15550000429")).toMatchObject({ ok: false, retryable: true, httpStatus: 400, retryAfterMs: 5_000, error: expect.stringContaining("130429") });
    expect(await send("15550001056")).toMatchObject({ ok: false, retryable: true, retryAfterMs: 6_000, error: expect.stringContaining("131056") });
    expect(await send("15550080007")).toMatchObject({ ok: false, retryable: true, retryAfterMs: 60_000 });
    expect(await send("15550000017")).toMatchObject({ ok: false, retryable: true, retryAfterMs: 60_000 });
  });

  it("reports a bad or undeliverable recipient as permanent", async () => {
    expect(await send("15550001026")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("WhatsApp error 131026: (#131026) Message Undeliverable") });
    const notANumber = await send("ada@customer.example");
    expect(notANumber).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("E.164") });
  });

  it("retries server errors and refused connections", async () => {
    expect(await send("15550000500")).toMatchObject({ ok: false, retryable: true, httpStatus: 500, error: expect.stringContaining("131000") });
    expect(await sendWith(whatsappProvider, { baseUrl: await refusedUrl(), credentials, config, message: { to: "14155550132" } })).toMatchObject({ ok: false, retryable: true });
  });

  it("validates the settings: template mode needs a template name; the parameter list is stored as an array", async () => {
    expect(whatsappProvider.configSchema.safeParse({ phoneNumberId }).success).toBe(false);
    expect(whatsappProvider.configSchema.safeParse({ phoneNumberId: "+1 415 555 0100", templateName: "x" }).success).toBe(false);
    expect(config).toMatchObject({ apiVersion: "v23.0", mode: "template", languageCode: "en_US", bodyParameters: ["customer.first_name", "order.number", "order.total", "order.receipt_url"] });
    // The stored config is parsed again at send time.
    expect(whatsappProvider.configSchema.parse(config)).toEqual(config);
    expect(whatsappProvider.credentialsSchema.safeParse({ accessToken, appSecret: "not-hex" }).success).toBe(false);
  });
});

describe("WhatsApp status webhooks", () => {
  const id = "wamid.HBgLMTQxNTU1NTAxMzIVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

  it("accepts a signed webhook and maps sent, delivered, read and failed", async () => {
    const callback = whatsappStatusCallback(appSecret, phoneNumberId, [
      { id, status: "sent", recipient_id: "14155550132" },
      { id, status: "delivered", recipient_id: "14155550132" },
      { id, status: "read", recipient_id: "14155550132" },
      { id, status: "failed", recipient_id: "14155550132", errors: [{ code: 131026, title: "Message undeliverable" }] },
    ]);
    expect(await verifyCallback(whatsappProvider, callback, credentials, config)).toEqual({ ok: true });
    const at = new Date(1_764_237_600_000);
    expect(await parseCallback(whatsappProvider, callback, credentials, config)).toEqual([
      { providerMessageId: id, status: "sent", at },
      { providerMessageId: id, status: "delivered", at },
      { providerMessageId: id, status: "delivered", at },
      { providerMessageId: id, status: "failed", reason: "WhatsApp error 131026: Message undeliverable", at },
    ]);
  });

  it("refuses a wrong signature, a tampered body, a missing header or no app secret", async () => {
    const forged = whatsappStatusCallback("ffffffffffffffffffffffffffffffff", phoneNumberId, [{ id, status: "delivered", recipient_id: "14155550132" }]);
    expect(await verifyCallback(whatsappProvider, forged, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
    const genuine = whatsappStatusCallback(appSecret, phoneNumberId, [{ id, status: "failed", recipient_id: "14155550132" }]);
    const tampered = { ...genuine, body: Buffer.from(genuine.body.toString().replace('"failed"', '"read"')) };
    expect(await verifyCallback(whatsappProvider, tampered, credentials, config)).toMatchObject({ ok: false });
    const headers = new Headers(genuine.headers);
    headers.delete("x-hub-signature-256");
    expect(await verifyCallback(whatsappProvider, { ...genuine, headers }, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("Missing") });
    expect(await verifyCallback(whatsappProvider, genuine, { accessToken }, config)).toMatchObject({ ok: false, reason: expect.stringContaining("App Secret") });
  });

  it("takes only the statuses of the channel's own phone number id", async () => {
    const other = whatsappStatusCallback(appSecret, "109999999999999", [{ id, status: "delivered", recipient_id: "14155550132" }]);
    expect(await verifyCallback(whatsappProvider, other, credentials, config)).toEqual({ ok: true });
    expect(await parseCallback(whatsappProvider, other, credentials, config)).toEqual([]);
    const own = whatsappStatusCallback(appSecret, phoneNumberId, [{ id, status: "delivered", recipient_id: "14155550132" }]);
    expect(await parseCallback(whatsappProvider, own, credentials, config)).toEqual([{ providerMessageId: id, status: "delivered", at: new Date(1_764_237_600_000) }]);
  });

  it("ignores incoming customer messages and other fields", async () => {
    const body = Buffer.from(JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messages: [{ from: "14155550132", id: "wamid.in", type: "text", text: { body: "hi" } }] } }, { field: "account_update", value: {} }] }] }));
    expect(await parseCallback(whatsappProvider, { url: "", method: "POST", headers: new Headers(), body })).toEqual([]);
  });

  it("answers the subscription handshake only with the right verify token", async () => {
    const query = (token: string, mode = "subscribe") => new URLSearchParams({ "hub.mode": mode, "hub.verify_token": token, "hub.challenge": "1158201444" });
    expect(whatsappProvider.verificationChallenge!(query(verifyToken), credentials, config)).toBe("1158201444");
    expect(whatsappProvider.verificationChallenge!(query("wrong-token-123"), credentials, config)).toBeNull();
    expect(whatsappProvider.verificationChallenge!(query(verifyToken, "unsubscribe"), credentials, config)).toBeNull();
    expect(whatsappProvider.verificationChallenge!(query(verifyToken), { accessToken }, config)).toBeNull();
  });
});

describeRequestPathClassification(whatsappProvider, { credentials, config });
