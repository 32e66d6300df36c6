import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./field-errors";
import { storeSettingsInput } from "./store-settings";

const base = {
  name: "Shop",
  brandColor: "#4f46e5",
  logoUrl: "",
  supportEmail: "",
  supportPhone: "",
  defaultLocale: "en-US",
  timezone: "America/New_York",
  currency: "USD",
  defaultCountry: "US",
  deliveryLeadTimeDays: 3,
};

function errorsFor(overrides: Record<string, unknown>) {
  const result = storeSettingsInput.safeParse({ ...base, ...overrides });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("store settings validation", () => {
  it("turns empty optional fields into null and reads phone numbers in the default country", () => {
    const parsed = storeSettingsInput.parse({ ...base, supportPhone: "(415) 555-0132" });
    expect(parsed).toMatchObject({ logoUrl: null, supportEmail: null, supportPhone: "+14155550132" });
  });

  it("names the field that is wrong, with a message a person can act on", () => {
    expect(errorsFor({ brandColor: "indigo" }).brandColor).toMatch(/hex colour/);
    expect(errorsFor({ logoUrl: "ftp://x" }).logoUrl).toMatch(/http\(s\) URL/);
    expect(errorsFor({ supportEmail: "nope" }).supportEmail).toMatch(/valid email/);
    expect(errorsFor({ defaultLocale: "english" }).defaultLocale).toMatch(/locale such as/);
    expect(errorsFor({ timezone: "Europe/Atlantis" }).timezone).toMatch(/time zone/);
    expect(errorsFor({ currency: "DOLLARS" }).currency).toMatch(/ISO currency/);
    expect(errorsFor({ defaultCountry: "XX" }).defaultCountry).toMatch(/country code/);
    expect(errorsFor({ deliveryLeadTimeDays: -1 }).deliveryLeadTimeDays).toMatch(/0 or more/);
    expect(errorsFor({ supportPhone: "555" }).supportPhone).toMatch(/valid phone number for US/);
    expect(errorsFor({ name: "  " }).name).toMatch(/name/);
  });
});

describe("store settings validation, several mistakes at once", () => {
  it("reports a bad phone number alongside other bad fields", () => {
    const errors = errorsFor({ brandColor: "purple", supportPhone: "12" });
    expect(errors.brandColor).toBeDefined();
    expect(errors.supportPhone).toMatch(/valid phone number/);
  });
});
