import { describe, expect, it } from "vitest";
import { idToString, parseJsonLossless } from "./parse-json";

describe("parseJsonLossless", () => {
  it("keeps ids above 2^53 exact", () => {
    const parsed = parseJsonLossless('{"id":820982911946154508,"line_items":[{"id":866550311766439020,"quantity":2,"price":"199.00"}]}') as {
      id: unknown;
      line_items: Array<{ id: unknown; quantity: unknown }>;
    };
    expect(parsed.id).toBe("820982911946154508");
    expect(idToString(parsed.id)).toBe("820982911946154508");
    expect(parsed.line_items[0]!.id).toBe("866550311766439020");
    expect(parsed.line_items[0]!.quantity).toBe(2);
    expect(JSON.parse('{"id":820982911946154508}').id).not.toBe(820982911946154508n.toString());
  });

  it("reads ordinary numbers as numbers", () => {
    expect(parseJsonLossless('{"a":1.5,"b":-3,"c":1e3}')).toEqual({ a: 1.5, b: -3, c: 1000 });
  });

  it("throws on malformed JSON", () => {
    expect(() => parseJsonLossless("{nope")).toThrow();
  });
});
