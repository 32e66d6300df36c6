import { describe, expect, it } from "vitest";
import { countSmsSegments, smsEncoding, smsEncodingChange } from "./sms-segments";

describe("smsEncoding", () => {
  it("keeps GSM 03.38 text, with its extension table, in GSM-7", () => {
    expect(smsEncoding("Hello @ £5 — no")).toBe("UCS-2"); // the em dash is not GSM
    expect(smsEncoding("Hello @ £5, ¿Qué? Ñoño ÄÖÜß é ù")).toBe("GSM-7");
    expect(smsEncoding("Total: 10€ {code} [x] ~ | ^ \\")).toBe("GSM-7");
    expect(smsEncoding("Привет")).toBe("UCS-2");
    expect(smsEncoding("Thanks 😀")).toBe("UCS-2");
    expect(smsEncoding("`")).toBe("UCS-2");
    expect(smsEncoding("ú")).toBe("UCS-2"); // GSM has ù, not ú
  });
});

describe("countSmsSegments", () => {
  it("counts nothing for an empty message", () => {
    expect(countSmsSegments("")).toMatchObject({ encoding: "GSM-7", units: 0, segments: 0 });
  });

  it("fits 160 GSM-7 characters in one segment and splits longer ones into 153s", () => {
    expect(countSmsSegments("a".repeat(160))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1, perSegment: 160, remainingInSegment: 0 });
    expect(countSmsSegments("a".repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remainingInSegment: 153 - 8 });
    expect(countSmsSegments("a".repeat(306))).toMatchObject({ segments: 2 });
    expect(countSmsSegments("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("counts extension characters as two septets and never splits one across segments", () => {
    expect(countSmsSegments("€".repeat(80))).toMatchObject({ encoding: "GSM-7", characters: 80, units: 160, segments: 1 });
    expect(countSmsSegments("€".repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 306 septets would fit two segments of 153, but the euro sign cannot straddle the boundary.
    expect(countSmsSegments(`${"a".repeat(152)}€${"a".repeat(152)}`)).toMatchObject({ units: 306, segments: 3 });
  });

  it("fits 70 UCS-2 units in one segment and splits longer ones into 67s", () => {
    expect(countSmsSegments("Ж".repeat(70))).toMatchObject({ encoding: "UCS-2", units: 70, segments: 1, perSegment: 70 });
    expect(countSmsSegments("Ж".repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countSmsSegments("Ж".repeat(134))).toMatchObject({ segments: 2 });
    expect(countSmsSegments("Ж".repeat(135))).toMatchObject({ segments: 3 });
  });

  it("counts an emoji as two UCS-2 units and one character, and names what forced UCS-2", () => {
    const count = countSmsSegments("Order #1001 confirmed 😀 — thanks");
    expect(count).toMatchObject({ encoding: "UCS-2", characters: 32, units: 33, segments: 1, nonGsmCharacters: ["😀", "—"] });
    // 35 emoji are 70 units: one segment; a 36th needs a second, and no emoji is split between segments.
    expect(countSmsSegments("😀".repeat(35))).toMatchObject({ units: 70, segments: 1 });
    expect(countSmsSegments("😀".repeat(36))).toMatchObject({ units: 72, segments: 2 });
    expect(countSmsSegments(`a${"😀".repeat(34)}`)).toMatchObject({ units: 69, segments: 1 });
    // 134 units would fit two segments of 67, but only 33 emoji (66 units) fit in each.
    expect(countSmsSegments("😀".repeat(67))).toMatchObject({ units: 134, segments: 3 });
  });

  it("counts a realistic confirmation: one segment, until the store name grows", () => {
    // A receipt token is 24 random bytes: 32 base64url characters.
    const text = "Northwind: order #1001 confirmed, $158.57. Delivery by Thursday, December 3, 2026. Receipt: https://orders.northwind.example/r/Qm9vbGVhbnMgYXJlIGZ1biB0byB3cml0";
    expect(countSmsSegments(text)).toMatchObject({ encoding: "GSM-7", characters: 159, units: 159, segments: 1, remainingInSegment: 1 });
    expect(countSmsSegments(`North${text}`)).toMatchObject({ segments: 2, remainingInSegment: 153 * 2 - 164 });
  });
});

describe("smsEncodingChange", () => {
  it("reports a change from GSM-7 to UCS-2 with what caused it and the segments before and after", () => {
    const before = countSmsSegments(`Your order is on its way. ${"x".repeat(100)}`);
    const after = countSmsSegments(`Your order’s on its way 🎉 ${"x".repeat(100)}`);
    expect(smsEncodingChange(before, after)).toEqual({ from: "GSM-7", to: "UCS-2", segmentsBefore: 1, segmentsAfter: 2, characters: ["’", "🎉"] });
  });

  it("says nothing when the encoding stays, or goes back to GSM-7", () => {
    const gsm = countSmsSegments("Plain text");
    const ucs = countSmsSegments("Plain text 😀");
    expect(smsEncodingChange(gsm, countSmsSegments("Other plain text"))).toBeNull();
    expect(smsEncodingChange(ucs, gsm)).toBeNull();
    expect(smsEncodingChange(ucs, ucs)).toBeNull();
  });
});
