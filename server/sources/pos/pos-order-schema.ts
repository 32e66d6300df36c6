import { z } from "zod";

/**
 * The documented JSON body any POS or payment gateway can send to a `pos` source. Published as JSON
 * Schema at GET /api/triggers/schema and in the README. Amounts are integers in minor units (cents).
 */
const minor = z.number().int("must be a whole number of minor units (cents)").describe("Amount in minor units of the currency");

export const posItemSchema = z.object({
  name: z.string().min(1).describe("Product or model name"),
  variant: z.string().nullish().describe("Variant, e.g. size or colour"),
  sku: z.string().nullish(),
  quantity: z.number().int().positive(),
  unit_price: minor,
  line_total: minor.optional().describe("Defaults to quantity × unit_price"),
});

export const posCustomerSchema = z.object({
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish().describe("E.164 (+14155550100) or national format in the store's default country"),
  locale: z.string().nullish().describe("BCP 47, e.g. fr-FR"),
  marketing_consent: z.boolean().optional(),
  whatsapp: z.string().nullish().describe("WhatsApp phone number"),
  telegram: z.string().nullish().describe("Telegram chat id"),
  line: z.string().nullish().describe("LINE user id"),
  viber: z.string().nullish().describe("Viber user id"),
  messenger: z.string().nullish().describe("Facebook Messenger page-scoped id"),
});

export const posAddressSchema = z.object({
  name: z.string().nullish(),
  company: z.string().nullish(),
  line1: z.string().nullish(),
  line2: z.string().nullish(),
  city: z.string().nullish(),
  region: z.string().nullish(),
  postal_code: z.string().nullish(),
  country: z.string().nullish().describe("ISO 3166-1 alpha-2"),
  phone: z.string().nullish(),
});

export const posEventTypes = ["order.paid", "order.created", "order.cancelled", "order.refunded"] as const;

export const posTriggerBodySchema = z
  .object({
    event_id: z.string().min(1).max(200).describe("Unique per event; a repeated event_id is answered as a duplicate"),
    type: z.enum(posEventTypes).describe("order.paid: payment confirmed; order.created: not paid yet"),
    order: z.object({
      id: z.string().min(1).max(200).describe("Your order id; one order per id"),
      number: z.string().min(1).max(100).optional().describe("The number the customer sees; defaults to id"),
      currency: z.string().regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO currency code"),
      items: z.array(posItemSchema).min(1),
      subtotal: minor.optional().describe("Defaults to the sum of line totals"),
      discount_total: minor.default(0),
      tax_total: minor.default(0),
      shipping_total: minor.default(0),
      total: minor,
      customer: posCustomerSchema,
      shipping_address: posAddressSchema.nullish(),
      delivery_estimate: z.iso.date().nullish().describe("YYYY-MM-DD"),
      status_url: z.url().nullish(),
      locale: z.string().nullish(),
      placed_at: z.iso.datetime({ offset: true }).nullish(),
      paid_at: z.iso.datetime({ offset: true }).nullish(),
    }),
  })
  .describe("Orderbell POS / generic gateway order event");

export type PosTriggerBody = z.input<typeof posTriggerBodySchema>;

/** The JSON Schema of the body, for GET /api/triggers/schema. */
export function posTriggerJsonSchema() {
  return {
    ...z.toJSONSchema(posTriggerBodySchema, { io: "input" }),
    $id: "https://orderbell.dev/schemas/pos-trigger.json",
    title: "Orderbell POS order event",
  };
}
