import { randomUUID } from "node:crypto";
import { startFakeJsonApi, type FakeApiServer, type FakeReply, type RecordedRequest } from "../testing/fake-json-api";
import { SQUARE_API_VERSION } from "./square-api";

export type FakeSquareApiOptions = {
  /** The only token the fake accepts, as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** Orders by id, as RetrieveOrder returns them under `order` (e.g. from buildSquareOrder). */
  orders?: Record<string, Record<string, unknown>>;
  /** Answer every authorised request to the order path with this instead (outages, rate limits). */
  failWith?: FakeReply;
  delayMs?: number;
};

const ORDER_PATH = /^\/v2\/orders\/([^/]+)$/;

/** Square's error envelope: `{ errors: [{ category, code, detail, field? }] }`. */
export function squareErrorBody(category: string, code: string, detail: string, field?: string) {
  return { errors: [{ category, code, detail, ...(field ? { field } : {}) }] };
}

/**
 * A local stand-in for the one Square call Orderbell makes, RetrieveOrder (GET /v2/orders/{order_id}),
 * holding requests to the contract: GET only, `Authorization: Bearer <token>`, and the `Square-Version`
 * Orderbell is written against (real Square would fall back to the app's default version; the fake refuses,
 * so a missing header cannot go unnoticed). Answers with Square's order and error shapes.
 */
export function startFakeSquareApi(options: FakeSquareApiOptions): Promise<FakeApiServer> {
  return startFakeJsonApi((request) => answer(request, options), { delayMs: options.delayMs });
}

function answer(request: RecordedRequest, options: FakeSquareApiOptions): FakeReply {
  const headers = { "square-version": SQUARE_API_VERSION, "x-speleo-traceid": randomUUID() };
  const reply = (status: number, body: unknown): FakeReply => ({ status, body, headers });

  const authorization = request.headers.authorization;
  if (!authorization) {
    return reply(
      401,
      squareErrorBody(
        "AUTHENTICATION_ERROR",
        "UNAUTHORIZED",
        "Your request did not include an `Authorization` http header with an access token. The header value is expected to be of the format \"Bearer TOKEN\" (without quotation marks), where TOKEN is to be replaced with your access token (e.g. \"Bearer ABC123def456GHI789jkl0\"). For more information, see https://docs.connect.squareup.com/api/connect/v2/#requestandresponseheaders.",
      ),
    );
  }
  if (authorization !== `Bearer ${options.accessToken}`) {
    return reply(401, squareErrorBody("AUTHENTICATION_ERROR", "UNAUTHORIZED", "This request could not be authorized."));
  }
  const version = request.headers["square-version"];
  if (version !== SQUARE_API_VERSION) {
    return reply(400, squareErrorBody("INVALID_REQUEST_ERROR", "INVALID_VALUE", `Square-Version must be ${SQUARE_API_VERSION} (got ${version ?? "none"}).`, "Square-Version"));
  }
  const match = ORDER_PATH.exec(request.path);
  if (request.method !== "GET" || !match) return reply(404, squareErrorBody("INVALID_REQUEST_ERROR", "NOT_FOUND", "API Not Found"));
  if (options.failWith) return { ...options.failWith, headers: { ...headers, ...options.failWith.headers } };

  const orderId = decodeURIComponent(match[1]!);
  const order = options.orders?.[orderId];
  if (!order) return reply(404, squareErrorBody("INVALID_REQUEST_ERROR", "NOT_FOUND", `Order with id \`${orderId}\` not found.`, "order_id"));
  return reply(200, { order });
}
