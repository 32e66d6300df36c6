import { z } from "zod";

/**
 * The parts of a WooCommerce REST v3 order (the webhook payload of order.created / order.updated) that
 * Orderbell reads. Objects are loose: plugins add fields freely, and an order must not be refused for a
 * field we never read. What we do read is checked strictly, so a wrong shape gives a reason.
 */

const decimal = /^\s*-?\d+(\.\d+)?\s*$/;

/** Money as the REST API formats it: a decimal string ("12.00"). Numbers are tolerated. */
export const amount = z.custom<string | number>(
  (value) => (typeof value === "string" && decimal.test(value)) || (typeof value === "number" && Number.isFinite(value)),
  { error: (issue) => (issue.input === undefined ? "is missing" : 'expected a decimal amount such as "19.99"') },
);

/** Woo ids are plain integers; a digit string is accepted for the rare proxy that quotes them. */
const numericId = z.custom<string | number>(
  (value) => (typeof value === "number" && Number.isSafeInteger(value) && value > 0) || (typeof value === "string" && /^\d+$/.test(value)),
  { error: (issue) => (issue.input === undefined ? "is missing" : "expected a positive whole number") },
);

const text = z.string().nullish();

/**
 * `*_gmt` dates are UTC written without a zone ("2024-05-14T10:21:03"), which `new Date` would read as the
 * server's local time: add the Z unless a zone is already there.
 */
export function wooGmtDate(value: string): Date {
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`);
}

const gmtDateTime = z
  .string()
  .refine((value) => !Number.isNaN(wooGmtDate(value).getTime()), "expected a date-time such as 2024-05-14T10:21:03")
  .nullish();

const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "expected a three-letter ISO currency code such as USD")
  .transform((code) => code.toUpperCase());

const addressFields = {
  first_name: text,
  last_name: text,
  company: text,
  address_1: text,
  address_2: text,
  city: text,
  state: text,
  postcode: text,
  country: text,
  phone: text,
};
export const wooAddressSchema = z.looseObject(addressFields);
export const wooBillingSchema = z.looseObject({ ...addressFields, email: text });

/** Item meta as the REST API formats it; values can be anything a plugin stored, so only strings are used. */
const metaSchema = z.looseObject({ key: z.unknown(), value: z.unknown(), display_key: z.unknown(), display_value: z.unknown() });

export const wooLineItemSchema = z.looseObject({
  name: z.string(),
  quantity: z.number().int("expected a whole number").min(0, "must not be negative"),
  sku: text,
  /** The line before coupons, excluding tax. */
  subtotal: amount,
  /** The line after coupons, excluding tax. */
  total: amount,
  meta_data: z.array(metaSchema).nullish(),
});

export const wooOrderSchema = z.looseObject({
  id: numericId,
  number: z.union([z.string(), z.number()]).nullish(),
  /** Checked against the status table in normalise: a custom status is not a malformed payload. */
  status: z.string(),
  currency,
  total: amount,
  discount_total: amount.nullish(),
  shipping_total: amount.nullish(),
  total_tax: amount.nullish(),
  date_created_gmt: gmtDateTime,
  date_paid_gmt: gmtDateTime,
  billing: wooBillingSchema.nullish(),
  shipping: wooAddressSchema.nullish(),
  line_items: z.array(wooLineItemSchema),
  /** Fees (a cash-on-delivery surcharge, a gift wrap…) are in `total` but not in the lines. */
  fee_lines: z.array(z.looseObject({ name: text, total: amount })).nullish(),
});

export type WooOrder = z.infer<typeof wooOrderSchema>;
export type WooAddress = z.infer<typeof wooAddressSchema>;
export type WooLineItem = z.infer<typeof wooLineItemSchema>;
