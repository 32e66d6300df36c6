import { languageOf } from "@/lib/i18n/order-labels";
import { type MessageCustomer, type MessageOrder, type MessageStore, messageLocale } from "./template-variables";

/** The last resort of every locale fallback. */
export const fallbackLocale = "en";

/**
 * The locales a message may be written in, best first: the order's (else its customer's), then the store's
 * default, then English. Internal alerts are for the store's staff, so they skip the customer's.
 */
export function localePreferences(
  { order, customer, store }: { order: Pick<MessageOrder, "locale">; customer: Pick<MessageCustomer, "locale"> | null; store: Pick<MessageStore, "defaultLocale"> },
  audience: "customer" | "internal" = "customer",
): string[] {
  const first = audience === "internal" ? messageLocale({ locale: null }, null, store) : messageLocale(order, customer, store);
  return [...new Set([first, store.defaultLocale, fallbackLocale])];
}

/**
 * The template to use among one template's locales: for each preferred locale in turn, the exact locale,
 * else one of the same language (the bare language first: "es" before "es-AR" for "es-MX").
 */
export function pickByLocale<T extends { locale: string }>(candidates: T[], preferences: string[]): T | undefined {
  for (const wanted of preferences) {
    const exact = candidates.find((candidate) => candidate.locale.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact;
    const language = languageOf(wanted);
    const sameLanguage = candidates.filter((candidate) => languageOf(candidate.locale) === language);
    const bare = sameLanguage.find((candidate) => candidate.locale.toLowerCase() === language);
    if (bare ?? sameLanguage[0]) return bare ?? sameLanguage[0];
  }
  return undefined;
}

/**
 * The locale money and dates are formatted in for a template written in `templateLocale`: the first
 * preferred locale of the same language (an "es" template for an es-MX order formats as es-MX), else the
 * template's own, so a date in words is never in another language than the text around it.
 */
export function formattingLocale(templateLocale: string, preferences: string[]): string {
  const language = languageOf(templateLocale);
  return preferences.find((locale) => languageOf(locale) === language) ?? templateLocale;
}
