import { describe, expect, it } from "vitest";
import { formattingLocale, localePreferences, pickByLocale } from "./template-locale";

const templates = ["en", "es", "fr", "de", "ja", "es-MX"].map((locale) => ({ locale }));

describe("locale fallback", () => {
  it("prefers the order's locale, then the store's default, then English", () => {
    const store = { defaultLocale: "fr-FR" };
    expect(localePreferences({ order: { locale: "es-AR" }, customer: { locale: "de-DE" }, store })).toEqual(["es-AR", "fr-FR", "en"]);
    expect(localePreferences({ order: { locale: null }, customer: { locale: "de-DE" }, store })).toEqual(["de-DE", "fr-FR", "en"]);
    expect(localePreferences({ order: { locale: null }, customer: null, store: { defaultLocale: "en" } })).toEqual(["en"]);
    // Internal alerts are for the store's staff.
    expect(localePreferences({ order: { locale: "ja-JP" }, customer: null, store }, "internal")).toEqual(["fr-FR", "en"]);
  });

  it("picks the exact locale, else the bare language, else another region, else the next preference", () => {
    const pick = (...preferences: string[]) => pickByLocale(templates, preferences)?.locale;
    expect(pick("es-MX", "en")).toBe("es-MX");
    expect(pick("es-AR", "en")).toBe("es");
    expect(pick("ES_mx".replace("_", "-"), "en")).toBe("es-MX");
    expect(pick("pt-BR", "de-DE", "en")).toBe("de");
    expect(pick("pt-BR", "it-IT", "en")).toBe("en");
    expect(pickByLocale([{ locale: "es-MX" }], ["es-ES"])?.locale).toBe("es-MX");
    expect(pickByLocale([{ locale: "ja" }], ["pt", "it"])).toBeUndefined();
  });

  it("formats in the order's locale when it is the template's language, else in the template's own", () => {
    expect(formattingLocale("es", ["es-MX", "en-US", "en"])).toBe("es-MX");
    expect(formattingLocale("en", ["pt-BR", "en-GB", "en"])).toBe("en-GB");
    expect(formattingLocale("ja", ["pt-BR", "en"])).toBe("ja");
  });
});
