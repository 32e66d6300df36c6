import { z } from "zod";

/**
 * The parts of Shopify's REST Order and Refund webhook payloads that Orderbell reads. Objects are loose:
 * Shopify adds fields with every API version, and an order must not be refused for a field we never read.
 * What we do read is checked strictly, so a wrong shape gives a reason instead of a wrong receipt.
 */

const decimal = /^\s*-?\d+(\.\d+)?\s*$/;

/** Money as Shopify sends it: a decimal string in the shop currency ("199.00"). Numbers are tolerated. */
export const amount = z.custom<string | number>(
  (value) => (typeof value === "string" && decimal.test(value)) || (typeof value === "number" && Number.isFinite(value)),
  { error: (issue) => (issue.input === undefined ? "is missing" : 'expected a decimal amount such as "19.99"') },
);

/**
 * An id after parseJsonLossless: a safe integer, or the exact decimal string of one beyond 2^53 (order and
 * line item ids are). An unsafe number means the body went through JSON.parse and the id was rounded.
 */
export const numericId = z.custom<string | number>(
  (value) => (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) || (typeof value === "string" && /^\d+$/.test(value)),
  {
    error: (issue) => {
      if (issue.input === undefined) return "is missing";
      if (typeof issue.input === "number" && Number.isInteger(issue.input)) return "is beyond 2^53 and was rounded: parse the body with parseJsonLossless";
      return "expected a numeric id";
    },
  },
);

const text = z.string().nullish();

/** created_at, processed_at…: ISO 8601 with an offset ("2024-05-01T10:00:00-04:00"). */
const dateTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "expected a date-time such as 2024-05-01T10:00:00-04:00")
  .nullish();

const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "expected a three-letter ISO currency code such as USD")
  .transform((code) => code.toUpperCase());

export const shopifyAddressSchema = z.looseObject({
  first_name: text,
  last_name: text,
  name: text,
  company: text,
  address1: text,
  address2: text,
  city: text,
  province: text,
  zip: text,
  country_code: text,
  phone: text,
});

export const shopifyLineItemSchema = z.looseObject({
  title: z.string(),
  variant_title: text,
  sku: text,
  quantity: z.number().int("expected a whole number").min(0, "must not be negative"),
  /** Unit price before discounts. */
  price: amount,
  /** Deprecated by Shopify (usually "0.00"); `discount_allocations` carry the real amounts. */
  total_discount: amount.nullish(),
  discount_allocations: z.array(z.looseObject({ amount })).nullish(),
});

export const shopifyOrderSchema = z.looseObject({
  id: numericId.optional(),
  admin_graphql_api_id: text,
  name: text,
  order_number: z.union([z.number(), z.string()]).nullish(),
  email: text,
  contact_email: text,
  phone: text,
  customer: z
    .looseObject({
      first_name: text,
      last_name: text,
      email: text,
      phone: text,
      email_marketing_consent: z.looseObject({ state: text }).nullish(),
    })
    .nullish(),
  customer_locale: text,
  buyer_accepts_marketing: z.boolean().nullish(),
  line_items: z.array(shopifyLineItemSchema),
  subtotal_price: amount.nullish(),
  current_subtotal_price: amount.nullish(),
  total_discounts: amount.nullish(),
  total_tax: amount.nullish(),
  taxes_included: z.boolean().nullish(),
  total_shipping_price_set: z.looseObject({ shop_money: z.looseObject({ amount }) }).nullish(),
  shipping_lines: z.array(z.looseObject({ price: amount })).nullish(),
  total_tip_received: amount.nullish(),
  total_price: amount,
  currency,
  financial_status: text,
  created_at: dateTime,
  processed_at: dateTime,
  updated_at: dateTime,
  order_status_url: text,
  shipping_address: shopifyAddressSchema.nullish(),
  billing_address: shopifyAddressSchema.nullish(),
});

export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;
export type ShopifyAddress = z.infer<typeof shopifyAddressSchema>;

/** refunds/create: a Refund, which names its order only by id. */
export const shopifyRefundSchema = z.looseObject({
  id: numericId.optional(),
  order_id: numericId,
  transactions: z
    .array(z.looseObject({ kind: text, status: text, amount: amount.nullish(), currency: text }))
    .nullish(),
});

export type ShopifyRefund = z.infer<typeof shopifyRefundSchema>;
