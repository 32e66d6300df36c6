import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import { verifyOrderbellWebhook } from "./signature";

/**
 * A receiver of Orderbell's signed webhook, as a store would write one with `verifyOrderbellWebhook`: it
 * checks the method, JSON content type, User-Agent, signature and timestamp, and that the idempotency
 * header matches the body, then answers by path:
 *   /hooks/ok        200 {"id":"evt_…"}         /hooks/empty     204 no body
 *   /hooks/throttled 429 Retry-After: 30         /hooks/down      503 plain text
 *   /hooks/rejected  422 {"error":"unknown store"}  /hooks/moved  301 Location
 * A delivery whose idempotency key was already accepted gets the first answer's id again.
 */
export type FakeWebhookReceiver = FakeHttpServer & { deliveries: Array<{ id: string; body: Record<string, unknown> }> };

export async function startFakeWebhookReceiver(options: { signingSecret: string }): Promise<FakeWebhookReceiver> {
  const deliveries: FakeWebhookReceiver["deliveries"] = [];
  let counter = 0;

  const handle = (request: CapturedRequest): FakeResponse => {
    if (request.method !== "POST") return { status: 405, body: "method not allowed" };
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) return { status: 415, body: { error: "expected application/json" } };
    if (request.headers["user-agent"] !== "Orderbell-Webhook/1") return { status: 400, body: { error: "unexpected user agent" } };
    const verdict = verifyOrderbellWebhook(request.body, request.headers, options.signingSecret);
    if (!verdict.ok) return { status: 401, body: { error: verdict.reason } };
    const body = JSON.parse(request.text) as Record<string, unknown>;
    if (body.type !== "order.confirmation" || typeof body.order !== "object" || typeof body.message !== "object") return { status: 400, body: { error: "not an order confirmation" } };
    if (body.idempotency_key !== request.headers["x-orderbell-idempotency-key"]) return { status: 400, body: { error: "idempotency key header and body differ" } };

    switch (request.path) {
      case "/hooks/throttled":
        return { status: 429, headers: { "retry-after": "30" }, body: { error: "slow down" } };
      case "/hooks/down":
        return { status: 503, headers: { "content-type": "text/plain" }, body: "upstream unavailable" };
      case "/hooks/rejected":
        return { status: 422, body: { error: "unknown store" } };
      case "/hooks/moved":
        return { status: 301, headers: { location: "https://elsewhere.example/hooks" }, body: "" };
      case "/hooks/empty":
        return { status: 204 };
      case "/hooks/ok": {
        const earlier = deliveries.find((delivery) => delivery.body.idempotency_key === body.idempotency_key);
        if (earlier) return { status: 200, body: { id: earlier.id, duplicate: true } };
        counter += 1;
        const id = `evt_${counter}`;
        deliveries.push({ id, body });
        return { status: 200, body: { id } };
      }
      default:
        return { status: 404, body: { error: "no such hook" } };
    }
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { deliveries });
}
