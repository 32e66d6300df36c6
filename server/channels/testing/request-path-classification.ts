import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl, startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import type { ChannelProvider, OutboundMessage } from "../channel-provider";
import { sendWith } from "./provider-harness";

type Script = (request: CapturedRequest) => FakeResponse;

/** Every string of the credentials long enough to be a secret: none may appear in a result. */
function secretsOf(value: unknown): string[] {
  if (typeof value === "string") return value.length >= 4 ? [value] : [];
  if (value && typeof value === "object") return Object.values(value).flatMap(secretsOf);
  return [];
}

/** What a proxy or a broken provider might answer: its page repeats the request, credentials included. */
const echoPage = (request: CapturedRequest) =>
  `<html><body><h1>Upstream failure</h1><p>${request.method} ${request.path}?${request.query} authorization=${String(request.headers.authorization ?? "")} ` +
  `${Object.entries(request.headers)
    .filter(([name]) => /key|token|secret/i.test(name))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(" ")} body=${request.text.slice(0, 600)}</p></body></html>`;

/**
 * The request path's classification, checked through a provider's real adapter against a server that
 * answers every request the same scripted way: 5xx and 429 retryable (Retry-After honoured), 4xx
 * permanent, no answer or no connection retryable, and never a credential in the error, even when the
 * answer repeats the request. `config` gets the scripted server's URL for providers whose token endpoint
 * is configured there.
 */
export function describeRequestPathClassification<C, K>(
  provider: ChannelProvider<C, K>,
  options: { credentials: C; config: K | ((url: string) => K); message?: Partial<OutboundMessage> },
) {
  describe(`${provider.name}: the request path's classification`, () => {
    let script: Script = () => ({ status: 500 });
    let server: FakeHttpServer;
    beforeAll(async () => {
      server = await startFakeHttpServer((request) => script(request));
    });
    afterAll(() => server.close());

    const send = (timeoutMs = 2000, baseUrl = server.url) =>
      sendWith(provider, {
        baseUrl,
        credentials: options.credentials,
        config: typeof options.config === "function" ? (options.config as (url: string) => K)(baseUrl) : options.config,
        message: { ...(provider.recipient === "phone" || provider.recipient === "whatsapp" ? { to: "+14155550132" } : {}), ...options.message },
        timeoutMs,
      });
    const expectNoSecret = (result: unknown) => {
      for (const secret of secretsOf(options.credentials)) expect(JSON.stringify(result)).not.toContain(secret);
    };

    it("retries a 503, reporting the status and an excerpt of the body without any credential", async () => {
      script = (request) => ({ status: 503, headers: { "content-type": "text/html" }, body: echoPage(request) });
      const result = await send();
      expect(result).toMatchObject({ ok: false, retryable: true, httpStatus: 503, error: expect.stringMatching(/^(.*: )?HTTP 503: /) });
      expectNoSecret(result);
    });

    it("retries a 429 after the Retry-After it names", async () => {
      script = () => ({ status: 429, headers: { "retry-after": "7", "content-type": "text/plain" }, body: "Too Many Requests" });
      expect(await send()).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 7000 });
    });

    it("fails a 400 and a 401 for good, without any credential in the error", async () => {
      for (const status of [400, 401]) {
        script = (request) => ({ status, headers: { "content-type": "text/plain" }, body: `refused: ${echoPage(request)}` });
        const result = await send();
        expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: status });
        expectNoSecret(result);
      }
    });

    it("retries when nothing answers in time, or nothing listens", async () => {
      script = () => ({ status: 200, body: {}, delayMs: 1500 });
      expect(await send(300)).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("no answer within 300 ms") });
      expect(await send(2000, await refusedUrl())).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("network error") });
    });
  });
}
