import { getCountries, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import { z } from "zod";

const countries = new Set<string>(getCountries());
const currencies = new Set(Intl.supportedValuesOf("currency"));
const timeZones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

export function isValidLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1 && Intl.DateTimeFormat.supportedLocalesOf(value).length === 1;
  } catch {
    return false;
  }
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null);

export const storeSettingsInput = z
  .object({
    name: z.string().trim().min(1, "Give the store a name.").max(100, "Use at most 100 characters."),
    brandColor: z
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour such as #4f46e5."),
    logoUrl: optionalText(2000, "That URL is too long.").refine(
      (value) => value === null || /^https?:\/\/[^\s]+$/.test(value),
      "Use a full http(s) URL, such as https://shop.example/logo.png.",
    ),
    supportEmail: optionalText(254, "That email address is too long.").refine(
      (value) => value === null || z.email().safeParse(value).success,
      "Enter a valid email address.",
    ),
    supportPhone: optionalText(40, "That phone number is too long."),
    defaultLocale: z.string().trim().refine(isValidLocale, "Use a locale such as en-US, fr-FR or ja-JP."),
    timezone: z.string().trim().refine((value) => timeZones.has(value), "Choose a time zone from the list."),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => currencies.has(value), "Use a three-letter ISO currency code such as USD or EUR."),
    defaultCountry: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => countries.has(value), "Use a two-letter country code such as US or GB."),
    deliveryLeadTimeDays: z.coerce
      .number({ error: "Enter a number of days." })
      .int("Use a whole number of days.")
      .min(0, "Use 0 or more days.")
      .max(365, "Use at most 365 days."),
  })
  // Runs even when other fields are wrong, so every problem shows at once; skipped only when the phone
  // or the country it is read in has failed its own checks.
  .superRefine(
    (settings, context) => {
      if (settings.supportPhone === null) return;
      if (!parsePhoneNumberFromString(settings.supportPhone, settings.defaultCountry as CountryCode)?.isValid()) {
        context.addIssue({
          code: "custom",
          path: ["supportPhone"],
          message: `Not a valid phone number for ${settings.defaultCountry}; include the country code, e.g. +1 415 555 0100.`,
        });
      }
    },
    { when: (payload) => !payload.issues.some((issue) => ["supportPhone", "defaultCountry"].includes(String(issue.path?.[0]))) },
  )
  .transform((settings) => ({
    ...settings,
    supportPhone:
      settings.supportPhone === null ? null : parsePhoneNumberFromString(settings.supportPhone, settings.defaultCountry as CountryCode)!.number,
  }));

export type StoreSettingsInput = z.input<typeof storeSettingsInput>;
export type StoreSettings = z.output<typeof storeSettingsInput>;

export const timeZoneOptions = [...timeZones].sort();
export const currencyOptions = [...currencies].sort();
export const countryOptions = [...countries].sort();
