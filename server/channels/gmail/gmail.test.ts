import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { decodeWords, header } from "./fake-mime";
import { serviceAccountKeys, startFakeGmail, type FakeGmail, type FakeGmailOptions } from "./fake";
import { gmailProvider, type GmailConfig, type GmailCredentials } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const oauthClient = { clientId: "1234-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-client-secret-value", refreshToken: "1//0g-refresh-token-value", mailbox: "orders@shop.example" };
const oauthCredentials: GmailCredentials = { clientId: oauthClient.clientId, clientSecret: oauthClient.clientSecret, refreshToken: oauthClient.refreshToken };
const keys = serviceAccountKeys();
const serviceAccount = { clientEmail: "orderbell@shop-project.iam.gserviceaccount.com", publicKeyPem: keys.publicKeyPem, delegatedMailboxes: ["orders@shop.example"] };
const serviceCredentials: GmailCredentials = { clientEmail: serviceAccount.clientEmail, privateKey: keys.privateKeyPem };

let fake: FakeGmail | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Partial<FakeGmailOptions> = {}) {
  fake = await startFakeGmail({ oauthClient, serviceAccount, ...options });
  return fake;
}

const configFor = (server: FakeGmail, overrides: Partial<GmailConfig> = {}): GmailConfig => ({
  authMode: "refresh_token",
  fromAddress: "orders@shop.example",
  fromName: "Trail & Co",
  replyTo: "help@shop.example",
  tokenUrl: server.tokenUrl,
  ...overrides,
});

const failure = (result: Awaited<ReturnType<typeof sendWith>>) => {
  if (result.ok) throw new Error("expected a failure");
  return result;
};

const paths = (server: FakeGmail) => server.requests.map((request) => request.path);

describe("Gmail send (refresh token)", () => {
  it("exchanges the refresh token, sends a valid base64url MIME message and returns the message id", async () => {
    const server = await start();
    const result = await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config: configFor(server) });
    const send = server.requests[1]!;
    expect(result).toEqual({ ok: true, providerMessageId: server.sent[0]!.id, httpStatus: 200 });
    expect(paths(server)).toEqual(["/token", "/gmail/v1/users/me/messages/send"]);

    const token = new URLSearchParams(server.requests[0]!.text);
    expect(Object.fromEntries(token)).toEqual({ grant_type: "refresh_token", client_id: oauthClient.clientId, client_secret: oauthClient.clientSecret, refresh_token: oauthClient.refreshToken });

    expect(send.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(send.headers["content-type"]).toBe("application/json");
    const { raw } = JSON.parse(send.text) as { raw: string };
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);

    const message = sampleMessage();
    const { mime, text, html } = server.sent[0]!;
    expect(header(mime, "mime-version")).toBe("1.0");
    expect(header(mime, "from")).toBe('"Trail & Co" <orders@shop.example>');
    expect(header(mime, "to")).toBe("ada@customer.example");
    expect(header(mime, "reply-to")).toBe("help@shop.example");
    // The subject has an em dash: it must travel as RFC 2047 encoded words and decode back exactly.
    expect(header(mime, "subject")).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(decodeWords(header(mime, "subject")!)).toBe(message.subject);
    expect(header(mime, "x-orderbell-idempotency-key")).toBe(message.idempotencyKey);
    expect(mime.contentType.type).toBe("multipart/alternative");
    expect(mime.parts.map((part) => part.contentType.type)).toEqual(["text/plain", "text/html"]);
    expect(text).toBe(message.text.replace(/\n/g, "\r\n"));
    expect(html).toBe(message.html);
  });

  it("encodes a non-ASCII sender name and sends a single text/plain part when there is no HTML", async () => {
    const server = await start();
    const result = await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config: configFor(server, { fromName: "Café Ünïcode" }), message: { html: null } });
    expect(result.ok).toBe(true);
    const { mime, text } = server.sent[0]!;
    expect(decodeWords(header(mime, "from")!)).toMatch(/^"?Café Ünïcode"? <orders@shop\.example>$/);
    expect(mime.contentType.type).toBe("text/plain");
    // A single-part body ends with the message's final CRLF.
    expect(text).toBe(`${sampleMessage().text.replace(/\n/g, "\r\n")}\r\n`);
  });

  it("refreshes the token once when Gmail answers 401, then succeeds", async () => {
    const server = await start();
    const cache = new Map<string, unknown>();
    const config = configFor(server);
    expect((await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config, cache })).ok).toBe(true);
    server.revokeAccessTokens();
    expect((await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config, cache })).ok).toBe(true);
    expect(paths(server)).toEqual(["/token", "/gmail/v1/users/me/messages/send", "/gmail/v1/users/me/messages/send", "/token", "/gmail/v1/users/me/messages/send"]);
    expect(server.requests[2]!.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(server.requests[4]!.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
  });

  it("fails permanently when Gmail still answers 401 after one refresh", async () => {
    const server = await start({ scenario: "token-rejected" });
    const result = failure(await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config: configFor(server) }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 401 });
    expect(result.error).toContain("authError: Request had invalid authentication credentials");
    expect(paths(server).filter((path) => path === "/token")).toHaveLength(2);
  });

  it("treats a revoked refresh token as permanent, without any secret in the error", async () => {
    const server = await start();
    const result = failure(await sendWith(gmailProvider, { baseUrl: server.url, credentials: { ...oauthCredentials, refreshToken: "1//0g-revoked-token" }, config: configFor(server) }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 400 });
    expect(result.error).toContain("invalid_grant");
    expect(result.error).not.toContain("1//0g");
    expect(result.error).not.toContain("GOCSPX");
  });

  it("treats a wrong client secret as permanent", async () => {
    const server = await start();
    const result = failure(await sendWith(gmailProvider, { baseUrl: server.url, credentials: { ...oauthCredentials, clientSecret: "GOCSPX-wrong" }, config: configFor(server) }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 401, error: expect.stringContaining("invalid_client") });
  });

  it("treats 429 as retryable and reads Retry-After", async () => {
    const server = await start({ scenario: "rate-limited", retryAfterSeconds: 30 });
    const result = failure(await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config: configFor(server) }));
    expect(result).toMatchObject({ retryable: true, httpStatus: 429, retryAfterMs: 30_000, error: "HTTP 429: rateLimitExceeded: Too many concurrent requests for user" });
  });

  it("treats 403 usage limits as retryable and other 403s as permanent", async () => {
    const server = await start({ scenario: "user-rate-limit" });
    const options = { baseUrl: server.url, credentials: oauthCredentials, config: configFor(server) };
    expect(await sendWith(gmailProvider, options)).toMatchObject({ ok: false, retryable: true, httpStatus: 403, error: "HTTP 403: userRateLimitExceeded: User Rate Limit Exceeded" });
    server.setScenario("daily-limit");
    expect(await sendWith(gmailProvider, options)).toMatchObject({ ok: false, retryable: true, httpStatus: 403, error: "HTTP 403: dailyLimitExceeded: Daily Limit Exceeded" });
    server.setScenario("insufficient-permissions");
    expect(await sendWith(gmailProvider, options)).toMatchObject({ ok: false, retryable: false, httpStatus: 403, error: expect.stringContaining("insufficientPermissions") });
  });

  it("treats an invalid recipient as permanent", async () => {
    const server = await start();
    const result = failure(await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config: configFor(server), message: { to: "ada" } }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 400, error: "HTTP 400: invalidArgument: Invalid To header" });
  });

  it("treats a server error as retryable", async () => {
    const server = await start({ scenario: "server-error" });
    expect(await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config: configFor(server) })).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
  });

  it("treats an unreachable token endpoint or API as retryable", async () => {
    const server = await start();
    const down = await refusedUrl();
    expect(await sendWith(gmailProvider, { baseUrl: server.url, credentials: oauthCredentials, config: configFor(server, { tokenUrl: `${down}/token` }) })).toMatchObject({ ok: false, retryable: true });
    expect(await sendWith(gmailProvider, { baseUrl: down, credentials: oauthCredentials, config: configFor(server) })).toMatchObject({ ok: false, retryable: true });
  });

  it("refuses to send without the credentials of the chosen mode", async () => {
    const server = await start();
    const result = await sendWith(gmailProvider, { baseUrl: server.url, credentials: { clientId: oauthClient.clientId }, config: configFor(server) });
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("refresh token") });
    expect(server.requests).toHaveLength(0);
  });
});

describe("Gmail send (service account)", () => {
  it("signs a JWT for the From mailbox, which the token endpoint verifies with the public key", async () => {
    const server = await start();
    const result = await sendWith(gmailProvider, { baseUrl: server.url, credentials: serviceCredentials, config: configFor(server, { authMode: "service_account" }) });
    expect(result.ok).toBe(true);
    const form = new URLSearchParams(server.requests[0]!.text);
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    const claims = JSON.parse(Buffer.from(form.get("assertion")!.split(".")[1]!, "base64url").toString("utf8"));
    expect(claims).toMatchObject({ iss: serviceAccount.clientEmail, sub: "orders@shop.example", scope: "https://www.googleapis.com/auth/gmail.send", aud: server.tokenUrl });
    expect(server.sent[0]).toMatchObject({ userId: "me", mailbox: "orders@shop.example" });
  });

  it("acts for the configured mailbox, and accepts a key pasted with escaped line breaks", async () => {
    const server = await start({ serviceAccount: { ...serviceAccount, delegatedMailboxes: ["sales@shop.example"] } });
    const escaped = keys.privateKeyPem.replace(/\n/g, "\\n");
    const result = await sendWith(gmailProvider, { baseUrl: server.url, credentials: { ...serviceCredentials, privateKey: escaped }, config: configFor(server, { authMode: "service_account", userId: "sales@shop.example" }) });
    expect(result.ok).toBe(true);
    expect(server.requests[1]!.path).toBe("/gmail/v1/users/sales%40shop.example/messages/send");
    expect(server.sent[0]).toMatchObject({ userId: "sales@shop.example", mailbox: "sales@shop.example" });
  });

  it("treats a JWT signed with another key as permanent", async () => {
    const server = await start();
    const other = serviceAccountKeys();
    const result = await sendWith(gmailProvider, { baseUrl: server.url, credentials: { ...serviceCredentials, privateKey: other.privateKeyPem }, config: configFor(server, { authMode: "service_account" }) });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: expect.stringContaining("Invalid JWT Signature.") });
    if (!result.ok) expect(result.error).not.toContain("PRIVATE KEY");
  });

  it("treats a mailbox outside the delegation as permanent", async () => {
    const server = await start();
    const result = await sendWith(gmailProvider, { baseUrl: server.url, credentials: serviceCredentials, config: configFor(server, { authMode: "service_account", fromAddress: "ceo@shop.example" }) });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: expect.stringContaining("unauthorized_client") });
  });
});

describe("the fake Gmail checks the MIME message", () => {
  async function post(server: FakeGmail, raw: string) {
    const token = await (await fetch(server.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "refresh_token", client_id: oauthClient.clientId, client_secret: oauthClient.clientSecret, refresh_token: oauthClient.refreshToken }) })).json();
    const response = await fetch(`${server.url}/gmail/v1/users/me/messages/send`, { method: "POST", headers: { authorization: `Bearer ${token.access_token}`, "content-type": "application/json" }, body: JSON.stringify({ raw }) });
    return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
  }
  const valid = "From: orders@shop.example\r\nTo: ada@customer.example\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n";

  it("accepts a minimal valid message and refuses 8-bit headers, bare LF, the standard base64 alphabet and a missing MIME-Version", async () => {
    const server = await start();
    expect((await post(server, Buffer.from(valid).toString("base64url"))).status).toBe(200);
    const eightBit = await post(server, Buffer.from(valid.replace("Subject: Hi", "Subject: Café")).toString("base64url"));
    expect(eightBit).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining("RFC 2047") } } });
    expect((await post(server, Buffer.from(valid.replace(/\r\n/g, "\n")).toString("base64url"))).status).toBe(400);
    expect((await post(server, Buffer.from(`${valid}??>>`).toString("base64"))).status).toBe(400);
    expect((await post(server, Buffer.from(valid.replace("MIME-Version: 1.0\r\n", "")).toString("base64url"))).status).toBe(400);
  });
});

describeRequestPathClassification(gmailProvider, { credentials: oauthCredentials, config: (url): GmailConfig => ({ authMode: "refresh_token", fromAddress: "orders@shop.example", fromName: "Trail & Co", tokenUrl: `${url}/token` }) });
