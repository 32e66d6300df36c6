import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { parseMail, startFakeSmtpServer, type FakeSmtpServer } from "./fake";
import { smtpMessageId, smtpProvider, transportOptions, type SmtpConfig } from "./index";

const credentials = { username: "orders@shop.example", password: "app-pass w0rd!" };

let server: FakeSmtpServer;
let config: SmtpConfig;
beforeAll(async () => {
  server = await startFakeSmtpServer(credentials);
  config = { host: server.host, port: server.port, security: "none", fromAddress: "orders@shop.example", fromName: "Trail & Co", replyTo: "help@shop.example" };
});
afterAll(() => server.close());

const send = (to: string, overrides: { credentials?: typeof credentials; config?: Partial<SmtpConfig>; timeoutMs?: number } = {}) =>
  sendWith(smtpProvider, { baseUrl: null, credentials: overrides.credentials ?? credentials, config: { ...config, ...overrides.config }, message: { to }, timeoutMs: overrides.timeoutMs ?? 5000 });

describe("SMTP", () => {
  it("logs in, sends text and HTML with our headers, and returns the Message-ID", async () => {
    const result = await send("ada@customer.example");
    const expectedId = smtpMessageId(sampleMessage().idempotencyKey, "orders@shop.example");
    expect(result).toEqual({ ok: true, providerMessageId: expectedId });
    expect(server.authAttempts.at(-1)).toEqual({ method: expect.stringMatching(/^(PLAIN|LOGIN)$/), username: "orders@shop.example", ok: true });

    const mail = server.messages.at(-1)!;
    expect(mail.user).toBe("orders@shop.example");
    expect(mail.mailFrom).toBe("orders@shop.example");
    expect(mail.rcptTo).toEqual(["ada@customer.example"]);
    const parsed = parseMail(mail.raw);
    expect(parsed.headers.get("from")).toBe('"Trail & Co" <orders@shop.example>');
    expect(parsed.headers.get("to")).toBe("ada@customer.example");
    expect(parsed.headers.get("reply-to")).toBe("help@shop.example");
    expect(parsed.headers.get("subject")).toBe("Order #1001 confirmed — thank you, Ada!");
    expect(parsed.headers.get("message-id")).toBe(expectedId);
    expect(parsed.headers.get("x-orderbell-idempotency-key")).toBe("0d9c8f3e-0000-4000-8000-000000000001:step-1:channel-1");
    expect(parsed.headers.get("content-type")).toMatch(/^multipart\/alternative/);
    expect(parsed.text).toBe(sampleMessage().text);
    expect(parsed.html).toBe(sampleMessage().html);
  });

  it("keeps the Message-ID stable for the same idempotency key, so a retry is recognisable", () => {
    expect(smtpMessageId("k1", "a@shop.example")).toBe(smtpMessageId("k1", "a@shop.example"));
    expect(smtpMessageId("k1", "a@shop.example")).not.toBe(smtpMessageId("k2", "a@shop.example"));
    expect(smtpMessageId("k1", "a@shop.example")).toMatch(/^<[0-9a-f]{32}@shop\.example>$/);
  });

  it("sends through an open relay without logging in", async () => {
    const relay = await startFakeSmtpServer();
    try {
      const result = await sendWith(smtpProvider, { baseUrl: null, credentials: {}, config: { ...config, port: relay.port }, message: { to: "ada@customer.example", html: null } });
      expect(result).toMatchObject({ ok: true });
      expect(relay.authAttempts).toEqual([]);
      const parsed = parseMail(relay.messages[0]!.raw);
      expect(parsed.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(parsed.text).toBe(sampleMessage().text);
    } finally {
      await relay.close();
    }
  });

  it("reports a refused login (535) as permanent, without the password", async () => {
    const result = await send("ada@customer.example", { credentials: { username: "orders@shop.example", password: "wrong-password-1" } });
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("535") });
    expect(result.ok === false && result.error).toContain("check the username and password");
    expect(JSON.stringify(result)).not.toContain("wrong-password-1");
  });

  it("reports a login-required server without credentials as permanent", async () => {
    expect(await sendWith(smtpProvider, { baseUrl: null, credentials: {}, config, message: { to: "ada@customer.example" } })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("530") });
  });

  it("reports unknown recipients and rejected messages (5xx) as permanent", async () => {
    expect(await send("unknown@customer.example")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("550 5.1.1") });
    expect(await send("relaydenied@customer.example")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("553") });
    expect(await send("spam@customer.example")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("554 5.7.1") });
  });

  it("retries temporary failures (4xx): greylisting, full mailbox, shutdown, busy server", async () => {
    expect(await send("greylisted@customer.example")).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("451 4.7.1") });
    expect(await send("full@customer.example")).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("452") });
    expect(await send("shutdown@customer.example")).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("421") });
    const busy = await startFakeSmtpServer({ ...credentials, busy: true });
    try {
      expect(await send("ada@customer.example", { config: { port: busy.port } })).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("421") });
    } finally {
      await busy.close();
    }
  });

  it("retries refused connections and servers that never greet, within the timeout", async () => {
    const port = Number(new URL(await refusedUrl()).port);
    expect(await send("ada@customer.example", { config: { port } })).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("ECONNREFUSED") });

    // Accepts the connection and never says a word (no 220 greeting).
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const result = await send("ada@customer.example", { config: { port: (silent.address() as AddressInfo).port }, timeoutMs: 300 });
      expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("300 ms") });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("with STARTTLS, refuses to go on without TLS and verifies the certificate", async () => {
    // The server does not offer STARTTLS: we must not fall back to sending the password in clear text.
    const [messages, logins] = [server.messages.length, server.authAttempts.length];
    const result = await send("ada@customer.example", { config: { security: "starttls" } });
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("does not offer STARTTLS") });
    expect([server.messages.length, server.authAttempts.length]).toEqual([messages, logins]);

    const tlsServer = await startFakeSmtpServer({ ...credentials, starttls: true });
    try {
      // smtp-server's built-in certificate is self-signed: a real client must refuse it.
      expect(await send("ada@customer.example", { config: { port: tlsServer.port, security: "starttls" } })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("certificate") });
      expect(tlsServer.authAttempts).toEqual([]);
    } finally {
      await tlsServer.close();
    }
  });

  it("with TLS, speaks TLS from the first byte and verifies the certificate", async () => {
    const tlsServer = await startFakeSmtpServer({ ...credentials, secure: true });
    try {
      expect(await send("ada@customer.example", { config: { port: tlsServer.port, security: "tls" } })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("certificate") });
      expect(tlsServer.messages).toEqual([]);
    } finally {
      await tlsServer.close();
    }
    // TLS chosen for a port that speaks plain SMTP (a STARTTLS port): a configuration mistake, said so.
    expect(await send("ada@customer.example", { config: { security: "tls" } })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("did not answer with TLS") });
  });

  it("maps security to nodemailer options and default ports", () => {
    const base = { host: "smtp.example.com", fromAddress: "a@b.example", fromName: "Shop" };
    expect(transportOptions({}, { ...base, security: "starttls" }, 1000)).toMatchObject({ port: 587, secure: false, requireTLS: true, ignoreTLS: false, connectionTimeout: 1000, greetingTimeout: 1000, socketTimeout: 1000 });
    expect(transportOptions({}, { ...base, security: "tls" }, 1000)).toMatchObject({ port: 465, secure: true, requireTLS: false });
    expect(transportOptions({}, { ...base, security: "none", port: 2525 }, 1000)).toMatchObject({ port: 2525, secure: false, ignoreTLS: true });
    expect(transportOptions({}, { ...base, security: "none" }, 1000)).not.toHaveProperty("auth");
  });

  it("validates credentials and config", () => {
    expect(smtpProvider.credentialsSchema.safeParse({ username: "", password: "" }).data).toEqual({});
    expect(smtpProvider.credentialsSchema.safeParse({ username: "orders" }).success).toBe(false);
    expect(smtpProvider.credentialsSchema.safeParse({ username: " orders ", password: " pass word " }).data).toEqual({ username: "orders", password: " pass word " });
    // A one-character password cannot be anyone's: refused on its field.
    expect(smtpProvider.credentialsSchema.safeParse({ username: "orders", password: "p" }).error?.issues[0]?.path).toEqual(["password"]);
    expect(smtpProvider.configSchema.safeParse({ host: "smtp.example.com", port: "587", security: "starttls", fromAddress: "a@b.example", fromName: "Shop" }).data).toMatchObject({ port: 587 });
    expect(smtpProvider.configSchema.safeParse({ host: "smtp://smtp.example.com:587", security: "starttls", fromAddress: "a@b.example", fromName: "Shop" }).success).toBe(false);
    expect(smtpProvider.configSchema.safeParse({ host: "smtp.example.com", security: "ssl", fromAddress: "a@b.example", fromName: "Shop" }).success).toBe(false);
  });
});
