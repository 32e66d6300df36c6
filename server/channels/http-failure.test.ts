import { describe, expect, it } from "vitest";
import { httpFailure, isRetryableStatus, networkFailure, retryAfterMs } from "./http-failure";

describe("HTTP failure classification", () => {
  it("reads Retry-After in seconds or as a date", () => {
    expect(retryAfterMs("120")).toBe(120_000);
    expect(retryAfterMs("1.5")).toBe(1500);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("soon")).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  it("retries 408, 429 and 5xx only", () => {
    expect([400, 401, 403, 404, 408, 422, 429, 500, 503].map(isRetryableStatus)).toEqual([false, false, false, false, true, false, true, true, true]);
  });

  it("builds results with the status and the Retry-After", () => {
    const limited = httpFailure(new Response("", { status: 429, headers: { "retry-after": "7" } }), "rate limited");
    expect(limited).toEqual({ ok: false, retryable: true, error: "HTTP 429: rate limited", httpStatus: 429, retryAfterMs: 7000 });
    expect(httpFailure(new Response("", { status: 400 }), "bad To")).toMatchObject({ retryable: false, httpStatus: 400 });
  });

  it("treats timeouts and refused connections as retryable", () => {
    expect(networkFailure(Object.assign(new Error("t"), { name: "TimeoutError" }), 500)).toMatchObject({ retryable: true, error: "no answer within 500 ms timeout" });
    expect(networkFailure(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))).toMatchObject({ retryable: true, error: expect.stringContaining("ECONNREFUSED") });
  });
});
