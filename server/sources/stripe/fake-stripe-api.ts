import { randomBytes } from "node:crypto";
import { startFakeJsonApi, type FakeApiServer, type FakeReply, type RecordedRequest } from "../testing/fake-json-api";

export type FakeStripeApiOptions = {
  /** The only key the fake accepts, as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** Line items per Checkout Session id (payloads as Stripe returns them, e.g. from buildStripeLineItem). */
  lineItems?: Record<string, Array<Record<string, unknown>>>;
  /** Answer every authorised request with this instead (e.g. `{ status: 500, body: stripeErrorBody(...) }`). */
  failWith?: FakeReply;
  delayMs?: number;
};

const LINE_ITEMS_PATH = /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/;

/** Stripe's error envelope: `{ error: { type, code?, message, param?, doc_url? } }`. */
export function stripeErrorBody(type: string, message: string, extra: { code?: string; param?: string } = {}) {
  return {
    error: {
      ...(extra.code ? { code: extra.code, doc_url: `https://stripe.com/docs/error-codes/${extra.code.replace(/_/g, "-")}` } : {}),
      message,
      ...(extra.param ? { param: extra.param } : {}),
      request_log_url: "https://dashboard.stripe.com/test/logs/req_fake",
      type,
    },
  };
}

/**
 * A local stand-in for the one Stripe call Orderbell makes, GET /v1/checkout/sessions/{id}/line_items,
 * holding the request to Stripe's contract: GET only, Bearer secret/restricted key, `limit` 1–100 (default
 * 10), `starting_after` cursor, and Stripe's list and error shapes and status codes.
 */
export function startFakeStripeApi(options: FakeStripeApiOptions): Promise<FakeApiServer> {
  return startFakeJsonApi((request) => answer(request, options), { delayMs: options.delayMs });
}

function answer(request: RecordedRequest, options: FakeStripeApiOptions): FakeReply {
  const headers = { "request-id": `req_${randomBytes(7).toString("hex")}`, "stripe-version": "2025-08-27.basil" };
  const reply = (status: number, body: unknown): FakeReply => ({ status, body, headers });

  const authorization = request.headers.authorization;
  if (!authorization) {
    return reply(
      401,
      stripeErrorBody(
        "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      ),
    );
  }
  const presented = /^Bearer (\S+)$/.exec(authorization)?.[1] ?? "";
  if (presented !== options.apiKey) {
    return reply(401, stripeErrorBody("invalid_request_error", `Invalid API Key provided: ${maskKey(presented)}`));
  }

  const match = LINE_ITEMS_PATH.exec(request.path);
  if (request.method !== "GET" || !match) {
    return reply(
      404,
      stripeErrorBody("invalid_request_error", `Unrecognized request URL (${request.method}: ${request.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`),
    );
  }
  if (options.failWith) return { ...options.failWith, headers: { ...headers, ...options.failWith.headers } };

  const sessionId = decodeURIComponent(match[1]!);
  const items = options.lineItems?.[sessionId];
  if (!items) {
    return reply(404, stripeErrorBody("invalid_request_error", `No such checkout.session: '${sessionId}'`, { code: "resource_missing", param: "session" }));
  }
  const limit = request.query.limit === undefined ? 10 : Number(request.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return reply(
      400,
      stripeErrorBody("invalid_request_error", `Invalid integer: ${request.query.limit}; must be between 1 and 100`, { code: "parameter_invalid_integer", param: "limit" }),
    );
  }
  let start = 0;
  if (request.query.starting_after !== undefined) {
    const index = items.findIndex((item) => item.id === request.query.starting_after);
    if (index < 0) {
      return reply(400, stripeErrorBody("invalid_request_error", `No such line item: '${request.query.starting_after}'`, { code: "resource_missing", param: "starting_after" }));
    }
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  return reply(200, { object: "list", data: page, has_more: start + limit < items.length, url: `/v1/checkout/sessions/${sessionId}/line_items` });
}

/** Stripe echoes a wrong key masked: prefix, stars, last four characters. */
function maskKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(live|test)_/.exec(key)?.[0] ?? "";
  return `${prefix}${"*".repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
}
