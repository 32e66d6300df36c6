import { describe, expect, it } from "vitest";
import { sideBySide } from "./compare-template-versions";

describe("sideBySide", () => {
  it("keeps unchanged lines on both sides and pairs replaced lines row by row", () => {
    expect(sideBySide("Hi\nOld line\nBye", "Hi\nNew line\nAnother\nBye")).toEqual([
      { left: { text: "Hi", change: "same" }, right: { text: "Hi", change: "same" } },
      { left: { text: "Old line", change: "removed" }, right: { text: "New line", change: "added" } },
      { left: null, right: { text: "Another", change: "added" } },
      { left: { text: "Bye", change: "same" }, right: { text: "Bye", change: "same" } },
    ]);
  });

  it("shows a part added or removed entirely on one side", () => {
    expect(sideBySide("", "Footer")).toEqual([{ left: null, right: { text: "Footer", change: "added" } }]);
    expect(sideBySide("A\nB", "")).toEqual([
      { left: { text: "A", change: "removed" }, right: null },
      { left: { text: "B", change: "removed" }, right: null },
    ]);
  });
});
