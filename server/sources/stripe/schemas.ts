import { z } from "zod";

/*
 * Only the fields Orderbell reads, from stripe/openapi. Fields we need are typed strictly (an amount must be an
 * integer of minor units); everything else is optional or nullish, and unknown fields are dropped, so newer
 * API versions that add fields keep working.
 */

const minor = z.number().int();
const text = z.string().nullish();
const currency = z.string().regex(/^[a-zA-Z]{3}$/, "expected a three-letter currency code");
const metadata = z.record(z.string(), z.unknown()).nullish();

/** An expandable reference: the id, or the expanded object when the payload was fetched with expand[]. */
const reference = z.union([z.string(), z.object({ id: z.string() })]);

export const stripeAddressSchema = z.object({
  line1: text,
  line2: text,
  city: text,
  state: text,
  postal_code: text,
  country: text,
});
export type StripeAddress = z.infer<typeof stripeAddressSchema>;

const shippingDetailsSchema = z.object({ name: text, phone: text, address: stripeAddressSchema.nullish() });

export const stripeEventSchema = z.object({
  id: z.string().min(1),
  object: z.literal("event").optional(),
  api_version: text,
  created: z.number().int(),
  type: z.string().min(1),
  livemode: z.boolean().optional(),
  data: z.object({ object: z.record(z.string(), z.unknown()), previous_attributes: z.unknown().optional() }),
});
export type StripeEvent = z.infer<typeof stripeEventSchema>;

export const stripeLineItemSchema = z.object({
  id: z.string().min(1),
  object: z.literal("item").optional(),
  description: text,
  quantity: z.number().int().nonnegative().nullable(),
  amount_subtotal: minor,
  amount_total: minor,
  amount_discount: minor.optional(),
  amount_tax: minor.optional(),
  currency: currency.optional(),
  price: z
    .object({
      id: z.string(),
      unit_amount: minor.nullish(),
      nickname: text,
      product: z.union([z.string(), z.object({ id: z.string(), name: text })]).nullish(),
    })
    .nullish(),
});
export type StripeLineItem = z.infer<typeof stripeLineItemSchema>;

export const stripeLineItemListSchema = z.object({
  object: z.literal("list").optional(),
  data: z.array(stripeLineItemSchema),
  has_more: z.boolean(),
});

export const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal("checkout.session").optional(),
  mode: z.string().nullish(),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  payment_intent: reference.nullish(),
  // Nullable in the API (setup-mode sessions); required here for a payment, checked in the mapper.
  amount_subtotal: minor.nullable(),
  amount_total: minor.nullable(),
  total_details: z.object({ amount_discount: minor, amount_shipping: minor.nullish(), amount_tax: minor }).nullish(),
  currency: currency.nullable(),
  customer_details: z.object({ email: text, name: text, phone: text, address: stripeAddressSchema.nullish() }).nullish(),
  customer_email: text,
  // Top-level before API version 2025-03-31, under collected_information since.
  shipping_details: shippingDetailsSchema.nullish(),
  collected_information: z.object({ shipping_details: shippingDetailsSchema.nullish() }).nullish(),
  locale: text,
  client_reference_id: text,
  metadata,
  created: z.number().int(),
  line_items: stripeLineItemListSchema.optional(),
});
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;

export const paymentIntentSchema = z.object({
  id: z.string().min(1),
  object: z.literal("payment_intent").optional(),
  amount: minor,
  amount_received: minor,
  currency,
  status: z.string().optional(),
  receipt_email: text,
  description: text,
  shipping: shippingDetailsSchema.nullish(),
  metadata,
  created: z.number().int(),
  latest_charge: z.union([z.string(), z.object({ id: z.string(), receipt_url: text })]).nullish(),
});
export type PaymentIntent = z.infer<typeof paymentIntentSchema>;

export const chargeSchema = z.object({
  id: z.string().min(1),
  object: z.literal("charge").optional(),
  payment_intent: reference.nullish(),
  amount: minor,
  amount_refunded: minor,
  refunded: z.boolean(),
  currency,
});
export type Charge = z.infer<typeof chargeSchema>;

export function referenceId(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
