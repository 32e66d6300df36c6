import { randomInt, randomUUID } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

/**
 * A stand-in for LINE's `POST /v2/bot/message/push` that enforces the contract (Bearer channel access
 * token, JSON, `to`, 1–5 messages, text ≤ 5000, `X-Line-Retry-Key` as a UUID) and answers with LINE's
 * shapes: 200 `{sentMessages:[{id, quoteToken}]}` with `X-Line-Request-Id`, or `{message, details?}`. A
 * retry key already accepted gets 409 with `X-Line-Accepted-Request-Id`, and nothing is sent again.
 * Failures are picked by the recipient (see the constants below).
 */
export const LINE_RATE_LIMITED_USER = `U${"0".repeat(29)}429`;
export const LINE_QUOTA_USER = `U${"0".repeat(28)}a429`;
export const LINE_SERVER_ERROR_USER = `U${"0".repeat(29)}500`;
export const LINE_FORBIDDEN_USER = `U${"0".repeat(29)}403`;

export type FakeLineOptions = { channelAccessToken: string };
export type FakeLine = FakeHttpServer & { accepted: Array<{ requestId: string; retryKey: string | null; messageId: string; body: Record<string, unknown> }> };

const lineError = (status: number, message: string, details?: Array<{ message: string; property: string }>, headers?: Record<string, string>): FakeResponse => ({
  status,
  headers: { "x-line-request-id": randomUUID(), ...headers },
  body: { message, ...(details ? { details } : {}) },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function startFakeLine(options: FakeLineOptions): Promise<FakeLine> {
  const accepted: FakeLine["accepted"] = [];

  const handle = (request: CapturedRequest): FakeResponse => {
    if (request.path !== "/v2/bot/message/push") return lineError(404, "Not found");
    if (request.method !== "POST") return lineError(405, "Method not allowed");
    if (request.headers.authorization !== `Bearer ${options.channelAccessToken}`) {
      return lineError(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
    }
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) return lineError(415, "Unsupported Media Type");
    const retryKey = typeof request.headers["x-line-retry-key"] === "string" ? request.headers["x-line-retry-key"] : null;
    if (retryKey !== null && !UUID.test(retryKey)) return lineError(400, "The value for the 'X-Line-Retry-Key' header is invalid");
    const earlier = retryKey ? accepted.find((entry) => entry.retryKey === retryKey) : undefined;
    if (earlier) return lineError(409, "The retry key is already accepted", undefined, { "x-line-accepted-request-id": earlier.requestId });

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return lineError(400, "The request body could not be parsed as JSON");
    }
    const to = body.to;
    if (typeof to !== "string" || !/^[UCR][0-9a-f]{32}$/.test(to)) return lineError(400, "The property, 'to', in the request body is invalid (line: -, column: -)");
    const messages = body.messages;
    if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
      return lineError(400, "The request body has 1 error(s)", [{ message: "Size must be between 1 and 5", property: "messages" }]);
    }
    for (const [index, item] of messages.entries()) {
      const { type, text } = item as { type?: unknown; text?: unknown };
      if (type !== "text") return lineError(400, "The request body has 1 error(s)", [{ message: "Invalid message type", property: `messages[${index}].type` }]);
      if (typeof text !== "string" || text.length === 0 || text.length > 5000) {
        return lineError(400, "The request body has 1 error(s)", [{ message: "Length must be between 0 and 5000", property: `messages[${index}].text` }]);
      }
    }
    if (to === LINE_RATE_LIMITED_USER) return lineError(429, "The API rate limit has been exceeded. Try again later.");
    if (to === LINE_QUOTA_USER) return lineError(429, "You have reached your monthly limit.");
    if (to === LINE_SERVER_ERROR_USER) return lineError(500, "Internal server error");
    if (to === LINE_FORBIDDEN_USER) return lineError(403, "Access to this API is not available for your account");

    const requestId = randomUUID();
    const messageId = String(randomInt(10 ** 11, 10 ** 12)) + String(randomInt(10 ** 6, 10 ** 7));
    accepted.push({ requestId, retryKey, messageId, body });
    return { status: 200, headers: { "x-line-request-id": requestId }, body: { sentMessages: [{ id: messageId, quoteToken: "IStG5h1Tz7b9OTk0OTYwNzkwODI2NzY1YTAzNjA5Zg" }] } };
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { accepted });
}
