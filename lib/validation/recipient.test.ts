import { describe, expect, it } from "vitest";
import { checkRecipient } from "./recipient";

describe("checkRecipient", () => {
  it("normalises what is valid", () => {
    expect(checkRecipient("email", " Ada@Customer.Example ", "US")).toEqual({ ok: true, to: "ada@customer.example" });
    expect(checkRecipient("phone", "(415) 555-0132", "US")).toEqual({ ok: true, to: "+14155550132" });
    expect(checkRecipient("whatsapp", "030 1234567", "DE")).toEqual({ ok: true, to: "+49301234567" });
    expect(checkRecipient("phone", "+44 20 7946 0958", "US")).toEqual({ ok: true, to: "+442079460958" });
    expect(checkRecipient("telegram", "-1001234567890", "US")).toEqual({ ok: true, to: "-1001234567890" });
    expect(checkRecipient("telegram", "@trailco_orders", "US")).toEqual({ ok: true, to: "@trailco_orders" });
    expect(checkRecipient("line", "U4af4980629a0e1f2c3d4e5f6a7b8c9d0", "US")).toMatchObject({ ok: true });
    expect(checkRecipient("viber", "01234567890A=", "US")).toMatchObject({ ok: true });
    expect(checkRecipient("messenger", "6543210987654321", "US")).toMatchObject({ ok: true });
    expect(checkRecipient("internal", "#orders", "US")).toEqual({ ok: true, to: "#orders" });
  });

  it("refuses what cannot reach anyone, saying what was expected", () => {
    expect(checkRecipient("email", "ada@", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("not a valid email address") });
    expect(checkRecipient("phone", "555-0132", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("for US") });
    expect(checkRecipient("telegram", "ada lovelace", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("Telegram chat id") });
    expect(checkRecipient("line", "ada", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("LINE user id") });
    expect(checkRecipient("viber", "no spaces please", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("Viber user id") });
    expect(checkRecipient("messenger", "ada.lovelace", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("PSID") });
    expect(checkRecipient("email", "   ", "US")).toMatchObject({ ok: false });
  });
});
