import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type CapturedRequest = {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body as text, for convenience. */
  text: string;
};

export type FakeResponse = { status: number; headers?: Record<string, string>; body?: string | Buffer | object; delayMs?: number };

export type FakeHttpServer = {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
};

/**
 * A local HTTP server standing in for a provider in tests: it records every request (with its raw body)
 * and answers through `handle`, which checks the request against the provider's contract and returns the
 * provider's real success or error shape. Listens on 127.0.0.1 on a free port.
 */
export async function startFakeHttpServer(handle: (request: CapturedRequest) => FakeResponse | Promise<FakeResponse>): Promise<FakeHttpServer> {
  const requests: CapturedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const url = new URL(incoming.url ?? "/", "http://fake.local");
      const body = Buffer.concat(chunks);
      const captured: CapturedRequest = { method: incoming.method ?? "GET", path: url.pathname, query: url.searchParams, headers: incoming.headers, body, text: body.toString("utf8") };
      requests.push(captured);
      let reply: FakeResponse;
      try {
        reply = await handle(captured);
      } catch (error) {
        reply = { status: 500, body: { error: `fake failed: ${(error as Error).message}` } };
      }
      const send = () => {
        if (outgoing.destroyed) return;
        const isObject = reply.body !== undefined && typeof reply.body === "object" && !Buffer.isBuffer(reply.body);
        const payload = isObject ? JSON.stringify(reply.body) : (reply.body ?? "");
        outgoing.writeHead(reply.status, { ...(isObject ? { "content-type": "application/json" } : {}), ...reply.headers });
        outgoing.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens, for "connection refused" tests. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
