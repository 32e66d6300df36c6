import { describe, expect, it } from "vitest";
import { maskEmail, maskPhone } from "./mask-contact";

describe("maskEmail", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskEmail("ada@customer.example")).toBe("a***@customer.example");
    expect(maskEmail("x@y.example")).toBe("x***@y.example");
    expect(maskEmail("not-an-email")).toBe("***");
  });
});

describe("maskPhone", () => {
  it("keeps the country code and the last four digits", () => {
    expect(maskPhone("+14155550132")).toBe("+1 ••• ••• 0132");
    expect(maskPhone("+447700900123")).toBe("+44 ••• ••• 0123");
    expect(maskPhone("4155550132")).toBe("••• ••• 0132");
    expect(maskPhone("12")).toBe("•••");
  });
});
