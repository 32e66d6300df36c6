import { describe, expect, it } from "vitest";
import { backoffMs, retryPolicy } from "./retry-policy";

describe("retry backoff", () => {
  it("grows exponentially up to the cap, with the whole range used by jitter", () => {
    expect(backoffMs(1, null, () => 0.999999)).toBe(Math.floor(0.999999 * retryPolicy.baseMs));
    expect(backoffMs(3, null, () => 0.999999)).toBe(Math.floor(0.999999 * retryPolicy.baseMs * 4));
    expect(backoffMs(20, null, () => 0.999999)).toBe(Math.floor(0.999999 * retryPolicy.capMs));
    expect(backoffMs(3, null, () => 0)).toBe(retryPolicy.minMs);
  });

  it("spans about a day across the default eight attempts", () => {
    const worst = Array.from({ length: 7 }, (_, index) => backoffMs(index + 1, null, () => 0.9999999)).reduce((sum, wait) => sum + wait, 0);
    expect(worst / 3_600_000).toBeGreaterThan(20);
    expect(worst / 3_600_000).toBeLessThan(26);
  });

  it("waits at least as long as Retry-After asks", () => {
    expect(backoffMs(1, 90 * 60_000, () => 0.1)).toBe(90 * 60_000);
    expect(backoffMs(1, 1000, () => 0.5)).toBe(Math.floor(0.5 * retryPolicy.baseMs));
  });
});
