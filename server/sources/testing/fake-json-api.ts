import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the fake API saw it, for assertions (header names lower-case). */
export type RecordedRequest = { method: string; path: string; query: Record<string, string>; headers: Record<string, string | undefined> };
export type FakeReply = { status: number; body: unknown; headers?: Record<string, string> };
export type FakeApiServer = { url: string; requests: RecordedRequest[]; close(): Promise<void> };

/**
 * A JSON API on 127.0.0.1, on a free port, answering every request through `handle`. `delayMs` holds each
 * answer back (to exercise client timeouts); close() drops open connections so a held answer never keeps a
 * test run alive.
 */
export async function startFakeJsonApi(handle: (request: RecordedRequest) => FakeReply, options: { delayMs?: number } = {}): Promise<FakeApiServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((incoming, response) => {
    const recorded = record(incoming);
    requests.push(recorded);
    // Drain the body (none is expected) so the socket is reusable.
    incoming.resume();
    const reply = handle(recorded);
    const send = () => {
      if (response.destroyed) return;
      response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      response.end(JSON.stringify(reply.body));
    };
    if (!options.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, options.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // Closing twice (a test that closes early, then the shared clean-up) resolves to the same first close.
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}

function record(incoming: IncomingMessage): RecordedRequest {
  const url = new URL(incoming.url ?? "/", "http://fake.invalid");
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(incoming.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  return { method: incoming.method ?? "GET", path: url.pathname, query: Object.fromEntries(url.searchParams), headers };
}
