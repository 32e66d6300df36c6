import { describe, expect, it } from "vitest";
import { formatDateTime, formatMoney } from "./format";

describe("formatMoney", () => {
  it("reads minor units with the currency's own decimals", () => {
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(1500, "JPY", "ja-JP")).toBe("￥1,500");
    expect(formatMoney(1234, "KWD", "en-US").replace(/\u00a0/g, " ")).toBe("KWD 1.234");
  });
});

describe("formatDateTime", () => {
  it("shows the instant in the store's time zone", () => {
    const instant = "2026-03-01T23:30:00Z";
    expect(formatDateTime(instant, "UTC")).toContain("Mar 1, 2026");
    expect(formatDateTime(instant, "Asia/Tokyo")).toContain("Mar 2, 2026");
    expect(formatDateTime(instant, "Asia/Tokyo")).toContain("8:30");
  });
});
