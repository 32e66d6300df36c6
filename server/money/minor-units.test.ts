import { describe, expect, it } from "vitest";
import { toMinorUnits } from "./minor-units";

describe("toMinorUnits", () => {
  it("reads decimal strings exactly, in the currency's own decimals", () => {
    expect(toMinorUnits("199.00", "USD")).toBe(19900);
    expect(toMinorUnits("0.1", "USD")).toBe(10);
    expect(toMinorUnits("1234.5", "EUR")).toBe(123450);
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
    expect(toMinorUnits("1.234", "KWD")).toBe(1234);
    expect(toMinorUnits("-5.25", "USD")).toBe(-525);
    expect(toMinorUnits(".5", "USD")).toBe(50);
  });

  it("rounds half up past the currency's decimals", () => {
    expect(toMinorUnits("10.005", "USD")).toBe(1001);
    expect(toMinorUnits("10.004", "USD")).toBe(1000);
  });

  it("accepts numbers and refuses what is not a number", () => {
    expect(toMinorUnits(19.99, "USD")).toBe(1999);
    expect(toMinorUnits("abc", "USD")).toBeNull();
    expect(toMinorUnits("", "USD")).toBeNull();
    expect(toMinorUnits(null, "USD")).toBeNull();
    expect(toMinorUnits(".", "USD")).toBeNull();
  });
});
