import { randomInt, randomUUID } from "node:crypto";
import { type CountryCode, getExampleNumber } from "libphonenumber-js/min";
import examples from "libphonenumber-js/mobile/examples";
import { currencyFractionDigits } from "@/lib/format";
import { languageOf } from "@/lib/i18n/order-labels";
import type { PosTriggerBody } from "../sources/pos/pos-order-schema";

const catalogue = [
  { name: "Trail Runner 2", variant: "Size 42 / Blue", sku: "TR2-42-BL", price: 129 },
  { name: "Merino Socks", variant: "M", sku: "MS-M", price: 14.5 },
  { name: "Rain Shell Jacket", variant: "L / Olive", sku: "RSJ-L-OL", price: 189 },
  { name: "Insulated Bottle", variant: "750 ml", sku: "IB-750", price: 32 },
  { name: "Canvas Tote", variant: null, sku: "CT-01", price: 18 },
];

/** A sample customer who writes in the locale's language, so each language's templates can be tried. */
const sampleCustomers: Record<string, string> = { en: "Sam Sample", es: "Lucía Martínez", fr: "Camille Dubois", de: "Jonas Becker", ja: "佐藤 美咲" };

/**
 * A realistic paid order in the store's currency, for trying Orderbell end to end: a few items, tax,
 * shipping, a discount that all add up, and a sample customer reachable by email and by phone (an example
 * mobile number of the store's country), in the store's default locale or the one asked for. Posted,
 * signed, to the sample POS source's trigger URL.
 */
export function sampleOrderBody(store: { currency: string; defaultCountry: string; defaultLocale: string }, options: { locale?: string } = {}): PosTriggerBody {
  const locale = options.locale ?? store.defaultLocale;
  const name = sampleCustomers[languageOf(locale)] ?? sampleCustomers.en!;
  const scale = 10 ** currencyFractionDigits(store.currency);
  const picks = [...catalogue].sort(() => randomInt(3) - 1).slice(0, 1 + randomInt(3));
  const items = picks.map((item) => ({ name: item.name, variant: item.variant, sku: item.sku, quantity: 1 + randomInt(2), unit_price: Math.round(item.price * scale) }));
  const subtotal = items.reduce((sum, item) => sum + item.unit_price * item.quantity, 0);
  const discount = Math.round(subtotal * 0.1);
  const tax = Math.round((subtotal - discount) * 0.08);
  const shipping = Math.round(4.99 * scale);
  const number = `S-${Date.now().toString().slice(-6)}`;
  const phone = getExampleNumber(store.defaultCountry as CountryCode, examples)?.number ?? null;
  return {
    event_id: `sample-${randomUUID()}`,
    type: "order.paid",
    order: {
      id: `sample-${randomUUID()}`,
      number,
      currency: store.currency,
      items,
      subtotal,
      discount_total: discount,
      tax_total: tax,
      shipping_total: shipping,
      total: subtotal - discount + tax + shipping,
      locale,
      customer: { name, email: "sam.sample@example.com", phone, locale, marketing_consent: false },
      shipping_address: { name, line1: "1 Sample Street", city: "Sampletown", postal_code: "12345", country: store.defaultCountry },
      placed_at: new Date().toISOString(),
      paid_at: new Date().toISOString(),
    },
  };
}
