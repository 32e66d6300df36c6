/**
 * Formatting shared by the dashboard, the emails and the receipt page. Timestamps are shown in the store's
 * time zone; money is integer minor units shown in the order's currency.
 */
export function formatDateTime(value: Date | string | number, timeZone: string, locale = "en-US"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(value));
}

export function formatDateTimeWithZone(value: Date | string | number, timeZone: string, locale = "en-US"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  }).format(new Date(value));
}

export function currencyFractionDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minorUnits: number, currency: string, locale = "en-US"): string {
  const digits = currencyFractionDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minorUnits / 10 ** digits);
}
