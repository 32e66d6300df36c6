import { z } from "zod";

/*
 * Only the fields Orderbell reads, from square/connect-api-specification. What we need is strict (money is an
 * integer amount of minor units with a currency); the rest is nullish, and unknown fields are dropped.
 */

const text = z.string().nullish();

export const squareMoneySchema = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Za-z]{3}$/, "expected a three-letter currency code"),
});
export type SquareMoney = z.infer<typeof squareMoneySchema>;

export const squareAddressSchema = z.object({
  address_line_1: text,
  address_line_2: text,
  address_line_3: text,
  locality: text,
  sublocality: text,
  administrative_district_level_1: text,
  postal_code: text,
  country: text,
  first_name: text,
  last_name: text,
});
export type SquareAddress = z.infer<typeof squareAddressSchema>;

/** Every webhook's envelope; `data.object` is read per event type. */
export const squareEventSchema = z.object({
  merchant_id: text,
  type: z.string().min(1),
  event_id: z.string().min(1),
  created_at: text,
  data: z.object({ type: text, id: text, object: z.record(z.string(), z.unknown()) }),
});
export type SquareEvent = z.infer<typeof squareEventSchema>;

export const squarePaymentSchema = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  amount_money: squareMoneySchema,
  total_money: squareMoneySchema.nullish(),
  tip_money: squareMoneySchema.nullish(),
  refunded_money: squareMoneySchema.nullish(),
  order_id: text,
  customer_id: text,
  buyer_email_address: text,
  location_id: text,
  receipt_url: text,
  receipt_number: text,
  source_type: text,
  created_at: text,
  updated_at: text,
  shipping_address: squareAddressSchema.nullish(),
});
export type SquarePayment = z.infer<typeof squarePaymentSchema>;

export const paymentObjectSchema = z.object({ payment: squarePaymentSchema });

const recipientSchema = z.object({ display_name: text, email_address: text, phone_number: text, address: squareAddressSchema.nullish() });
export type SquareRecipient = z.infer<typeof recipientSchema>;

export const squareLineItemSchema = z.object({
  uid: text,
  name: text,
  // A decimal string: "2", or "1.5" for items sold by weight.
  quantity: z.string().regex(/^\d+(\.\d+)?$/, "expected a decimal quantity such as \"2\""),
  variation_name: text,
  catalog_object_id: text,
  base_price_money: squareMoneySchema.nullish(),
  variation_total_price_money: squareMoneySchema.nullish(),
  gross_sales_money: squareMoneySchema.nullish(),
  total_discount_money: squareMoneySchema.nullish(),
  total_tax_money: squareMoneySchema.nullish(),
  total_money: squareMoneySchema.nullish(),
});
export type SquareLineItem = z.infer<typeof squareLineItemSchema>;

export const squareOrderSchema = z.object({
  id: z.string().min(1),
  location_id: text,
  customer_id: text,
  line_items: z.array(squareLineItemSchema).nullish(),
  fulfillments: z
    .array(
      z.object({
        type: text,
        state: text,
        shipment_details: z.object({ recipient: recipientSchema.nullish() }).nullish(),
        delivery_details: z.object({ recipient: recipientSchema.nullish() }).nullish(),
        pickup_details: z.object({ recipient: recipientSchema.nullish() }).nullish(),
      }),
    )
    .nullish(),
  // ADDITIVE taxes are added on top of prices, INCLUSIVE ones are already inside them.
  taxes: z.array(z.object({ type: text })).nullish(),
  total_money: squareMoneySchema.nullish(),
  total_tax_money: squareMoneySchema.nullish(),
  total_discount_money: squareMoneySchema.nullish(),
  total_service_charge_money: squareMoneySchema.nullish(),
  total_tip_money: squareMoneySchema.nullish(),
  created_at: text,
});
export type SquareOrder = z.infer<typeof squareOrderSchema>;

export const retrieveOrderResponseSchema = z.object({ order: squareOrderSchema });
