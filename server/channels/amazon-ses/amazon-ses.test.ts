import { AwsV4Signer } from "aws4fetch";
import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext } from "../send-context";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeSes, type FakeSes, type FakeSesOptions } from "./fake";
import { amazonSesProvider, type SesConfig, type SesCredentials } from "./index";
import { SES_DEFAULT_BASE_URL } from "./settings";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials: SesCredentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const config: SesConfig = { region: "eu-west-1", fromAddress: "orders@shop.example", fromName: "Trail & Co", replyTo: "help@shop.example", configurationSetName: "orderbell" };

let fake: FakeSes | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Partial<FakeSesOptions> = {}) {
  fake = await startFakeSes({ ...credentials, region: "eu-west-1", verifiedIdentities: ["shop.example"], configurationSets: ["orderbell"], ...options });
  return fake;
}

const failure = (result: Awaited<ReturnType<typeof sendWith>>) => {
  if (result.ok) throw new Error("expected a failure");
  return result;
};

describe("Amazon SES send", () => {
  it("sends a SigV4-signed SendEmail the fake verifies, and returns the MessageId", async () => {
    const server = await start();
    const result = await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config });
    expect(result).toEqual({ ok: true, providerMessageId: server.messageIds[0], httpStatus: 200 });
    const request = server.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v2/email/outbound-emails");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/ses\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/);
    const message = sampleMessage();
    expect(JSON.parse(request.text)).toEqual({
      FromEmailAddress: '"Trail & Co" <orders@shop.example>',
      Destination: { ToAddresses: ["ada@customer.example"] },
      ReplyToAddresses: ["help@shop.example"],
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: "UTF-8" },
          Body: { Text: { Data: message.text, Charset: "UTF-8" }, Html: { Data: message.html, Charset: "UTF-8" } },
        },
      },
      ConfigurationSetName: "orderbell",
      EmailTags: [
        { Name: "order_id", Value: message.order.id },
        { Name: "idempotency_key", Value: message.idempotencyKey.replace(/:/g, "_") },
      ],
    });
  });

  it("encodes a non-ASCII sender name as an RFC 2047 word and omits optional fields", async () => {
    const server = await start();
    const result = await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config: { ...config, fromName: "Café Ünïcode", replyTo: undefined, configurationSetName: undefined }, message: { html: null } });
    expect(result.ok).toBe(true);
    const body = server.accepted[0]!;
    expect(body.FromEmailAddress).toBe(`=?UTF-8?B?${Buffer.from("Café Ünïcode").toString("base64")}?= <orders@shop.example>`);
    expect(body).not.toHaveProperty("ReplyToAddresses");
    expect(body).not.toHaveProperty("ConfigurationSetName");
    expect((body.Content as { Simple: { Body: object } }).Simple.Body).not.toHaveProperty("Html");
  });

  it("signs and sends the session token of temporary credentials", async () => {
    const server = await start({ sessionToken: "FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDEXAMPLE" });
    const result = await sendWith(amazonSesProvider, { baseUrl: server.url, credentials: { ...credentials, sessionToken: "FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDEXAMPLE" }, config });
    expect(result.ok).toBe(true);
    expect(server.requests[0]!.headers.authorization).toContain("SignedHeaders=host;x-amz-date;x-amz-security-token");
  });

  it("treats a wrong secret as permanent (InvalidSignatureException), without any credential in the error", async () => {
    const server = await start();
    const result = failure(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials: { ...credentials, secretAccessKey: "not-the-secret-0000000000000000000000000" }, config }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 403 });
    expect(result.error).toContain("InvalidSignatureException: The request signature we calculated does not match");
    expect(result.error).not.toContain("not-the-secret");
    expect(result.error).not.toContain(credentials.accessKeyId);
  });

  it("treats an unknown access key as permanent (UnrecognizedClientException)", async () => {
    const server = await start();
    const result = failure(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials: { ...credentials, accessKeyId: "AKIAUNKNOWNKEY000000" }, config }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 403, error: "HTTP 403: UnrecognizedClientException: The security token included in the request is invalid." });
  });

  it("treats TooManyRequestsException (429) as retryable", async () => {
    const server = await start({ scenario: "throttled" });
    expect(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, httpStatus: 429, error: "HTTP 429: TooManyRequestsException: Too Many Requests" });
  });

  it("treats LimitExceededException (a used-up sending quota, HTTP 400) as retryable later", async () => {
    const server = await start({ scenario: "quota-exceeded" });
    expect(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, httpStatus: 400, error: "HTTP 400: LimitExceededException: Daily message quota exceeded." });
  });

  it("treats a paused account as permanent", async () => {
    const server = await start({ scenario: "sending-paused" });
    expect(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("SendingPausedException") });
  });

  it("treats a rejected recipient (sandbox, unverified) as permanent", async () => {
    const server = await start({ sandboxRecipients: ["someone@customer.example"] });
    const result = failure(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 400 });
    expect(result.error).toBe("HTTP 400: MessageRejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: ada@customer.example");
  });

  it("treats a malformed recipient and an unverified sender as permanent", async () => {
    const server = await start({ verifiedIdentities: ["other.example"] });
    expect(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config, message: { to: "ada" } })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("BadRequestException") });
    expect(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("MessageRejected") });
  });

  it("treats a server error as retryable", async () => {
    const server = await start({ scenario: "server-error" });
    expect(await sendWith(amazonSesProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
  });

  it("treats an unreachable host as retryable", async () => {
    expect(await sendWith(amazonSesProvider, { baseUrl: await refusedUrl(), credentials, config })).toMatchObject({ ok: false, retryable: true });
  });

  it("builds the regional host when the channel has no override, and keeps an override", async () => {
    const urls: string[] = [];
    const stubFetch: typeof fetch = async (input) => {
      urls.push(String(input));
      return Response.json({ MessageId: "m" });
    };
    await amazonSesProvider.send(sampleMessage(), credentials, config, createSendContext({ baseUrl: SES_DEFAULT_BASE_URL, timeoutMs: 1000, fetch: stubFetch }));
    await amazonSesProvider.send(sampleMessage(), credentials, config, createSendContext({ baseUrl: "https://vpce-123.email.eu-west-1.vpce.amazonaws.com", timeoutMs: 1000, fetch: stubFetch }));
    expect(urls).toEqual(["https://email.eu-west-1.amazonaws.com/v2/email/outbound-emails", "https://vpce-123.email.eu-west-1.vpce.amazonaws.com/v2/email/outbound-emails"]);
  });
});

describe("the fake SES verifies signatures", () => {
  async function signedRequest(url: string, body: string, overrides: { datetime?: string; region?: string } = {}) {
    return new AwsV4Signer({ method: "POST", url: `${url}/v2/email/outbound-emails`, headers: { "content-type": "application/json" }, body, ...credentials, service: "ses", region: overrides.region ?? "eu-west-1", datetime: overrides.datetime }).sign();
  }
  const body = JSON.stringify({ FromEmailAddress: "orders@shop.example", Destination: { ToAddresses: ["ada@customer.example"] }, Content: { Simple: { Subject: { Data: "Hi" }, Body: { Text: { Data: "Hi" } } } } });

  it("accepts a correctly signed request and refuses the same signature over a changed body", async () => {
    const server = await start();
    const signed = await signedRequest(server.url, body);
    expect((await fetch(signed.url, { method: "POST", headers: signed.headers, body })).status).toBe(200);
    const tampered = await fetch(signed.url, { method: "POST", headers: signed.headers, body: body.replace("ada@", "eve@") });
    expect(tampered.status).toBe(403);
    expect(tampered.headers.get("x-amzn-errortype")).toMatch(/^InvalidSignatureException:/);
  });

  it("refuses a signature older than five minutes, or scoped to another region", async () => {
    const server = await start();
    const old = new Date(Date.now() - 6 * 60_000).toISOString().replace(/[:-]|\.\d{3}/g, "");
    const expired = await signedRequest(server.url, body, { datetime: old });
    const expiredAnswer = await fetch(expired.url, { method: "POST", headers: expired.headers, body });
    expect(expiredAnswer.status).toBe(403);
    expect(await expiredAnswer.json()).toEqual({ message: expect.stringContaining("Signature expired") });
    const elsewhere = await signedRequest(server.url, body, { region: "us-east-1" });
    expect((await fetch(elsewhere.url, { method: "POST", headers: elsewhere.headers, body })).status).toBe(403);
  });
});

describeRequestPathClassification(amazonSesProvider, { credentials, config });
