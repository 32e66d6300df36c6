import { randomUUID } from "node:crypto";
import { stringify } from "lossless-json";
import { hmacSha256 } from "../signatures";

/**
 * Shopify webhook payloads and headers as Shopify sends them, for unit tests here and HTTP tests against
 * the running app. Ids are bigints because Shopify's exceed 2^53: serialise with `shopifyJson`, which writes
 * them as bare JSON numbers exactly as Shopify does (JSON.stringify cannot).
 */

export const shopifyFixtureOrderId = 820982911946154508n;
export const shopifyShopDomain = "orderbell-demo.myshopify.com";
export const shopifyApiVersion = "2025-10";

const moneySet = (amount: string, currency = "USD") => ({
  shop_money: { amount, currency_code: currency },
  presentment_money: { amount, currency_code: currency },
});

function address(phone: string | null) {
  return {
    first_name: "Ada",
    last_name: "Lovelace",
    name: "Ada Lovelace",
    company: null as string | null,
    address1: "12 Analytical Row",
    address2: "Apt 3" as string | null,
    city: "Brooklyn",
    province: "New York",
    province_code: "NY",
    zip: "11201",
    country: "United States",
    country_code: "US",
    phone,
    latitude: 40.6943,
    longitude: -73.9903,
  };
}

/**
 * A typical paid order: two lines (2 × 25.00 and 1 × 18.00), a 10% code spread over both lines (6.80),
 * 5.90 shipping, 5.43 tax: 68.00 + 5.90 + 5.43 − 6.80 = 72.53.
 */
function paidOrder() {
  const customerId = 115310627314723954n;
  return {
    id: shopifyFixtureOrderId,
    admin_graphql_api_id: `gid://shopify/Order/${shopifyFixtureOrderId}`,
    app_id: 580111,
    browser_ip: "203.0.113.7",
    buyer_accepts_marketing: false,
    cancel_reason: null as string | null,
    cancelled_at: null as string | null,
    checkout_id: 901414060n,
    confirmation_number: "XPAV284CT",
    confirmed: true,
    contact_email: "ada@customer.example" as string | null,
    created_at: "2026-11-27T10:00:00-05:00",
    currency: "USD",
    current_subtotal_price: "61.20",
    current_total_discounts: "6.80",
    current_total_price: "72.53",
    current_total_tax: "5.43",
    customer_locale: "en-US" as string | null,
    discount_codes: [{ code: "WELCOME10", amount: "6.80", type: "percentage" }],
    email: "ada@customer.example" as string | null,
    estimated_taxes: false,
    financial_status: "paid" as string | null,
    fulfillment_status: null as string | null,
    name: "#1001" as string | null,
    note: null as string | null,
    number: 1,
    order_number: 1001,
    order_status_url: `https://${shopifyShopDomain}/73422020/orders/123456abcd/authenticate?key=abcdefg`,
    payment_gateway_names: ["shopify_payments"],
    phone: "+14155550132" as string | null,
    presentment_currency: "USD",
    processed_at: "2026-11-27T10:00:00-05:00",
    source_name: "web",
    subtotal_price: "61.20",
    subtotal_price_set: moneySet("61.20"),
    tags: "",
    tax_lines: [{ price: "5.43", rate: 0.08875, title: "NY State Tax", price_set: moneySet("5.43") }],
    taxes_included: false,
    test: false,
    token: "123456abcd",
    total_discounts: "6.80",
    total_discounts_set: moneySet("6.80"),
    total_line_items_price: "68.00",
    total_line_items_price_set: moneySet("68.00"),
    total_outstanding: "0.00",
    total_price: "72.53",
    total_price_set: moneySet("72.53"),
    total_shipping_price_set: moneySet("5.90") as ReturnType<typeof moneySet> | null,
    total_tax: "5.43",
    total_tax_set: moneySet("5.43"),
    total_tip_received: "0.00",
    total_weight: 450,
    updated_at: "2026-11-27T10:00:05-05:00",
    billing_address: address("+14155550132") as ReturnType<typeof address> | null,
    customer: {
      id: customerId,
      email: "ada@customer.example" as string | null,
      first_name: "Ada" as string | null,
      last_name: "Lovelace" as string | null,
      phone: null as string | null,
      state: "enabled",
      currency: "USD",
      tax_exempt: false,
      verified_email: true,
      email_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in", consent_updated_at: "2026-11-27T10:00:00-05:00" } as {
        state: string;
        opt_in_level: string | null;
        consent_updated_at: string | null;
      } | null,
      sms_marketing_consent: null,
      admin_graphql_api_id: `gid://shopify/Customer/${customerId}`,
    } as Record<string, unknown> | null,
    discount_applications: [
      { target_type: "line_item", type: "discount_code", value: "10.0", value_type: "percentage", allocation_method: "across", target_selection: "all", code: "WELCOME10" },
    ],
    line_items: [
      {
        id: 866550311766439020n,
        admin_graphql_api_id: "gid://shopify/LineItem/866550311766439020",
        fulfillable_quantity: 2,
        fulfillment_service: "manual",
        gift_card: false,
        grams: 150,
        name: "Organic Cotton T-Shirt - M / Navy",
        price: "25.00",
        price_set: moneySet("25.00"),
        product_exists: true,
        product_id: 632910392n,
        properties: [],
        quantity: 2,
        requires_shipping: true,
        sku: "TEE-M-NVY" as string | null,
        taxable: true,
        title: "Organic Cotton T-Shirt",
        total_discount: "0.00",
        total_discount_set: moneySet("0.00"),
        variant_id: 808950810n,
        variant_title: "M / Navy" as string | null,
        vendor: "Orderbell Demo",
        tax_lines: [{ price: "3.99", rate: 0.08875, title: "NY State Tax", price_set: moneySet("3.99") }],
        discount_allocations: [{ amount: "5.00", amount_set: moneySet("5.00"), discount_application_index: 0 }],
      },
      {
        id: 141249953214522974n,
        admin_graphql_api_id: "gid://shopify/LineItem/141249953214522974",
        fulfillable_quantity: 1,
        fulfillment_service: "manual",
        gift_card: false,
        grams: 150,
        name: "Canvas Tote Bag",
        price: "18.00",
        price_set: moneySet("18.00"),
        product_exists: true,
        product_id: 921728736n,
        properties: [],
        quantity: 1,
        requires_shipping: true,
        sku: "TOTE-NAT" as string | null,
        taxable: true,
        title: "Canvas Tote Bag",
        total_discount: "0.00",
        total_discount_set: moneySet("0.00"),
        variant_id: 457924702n,
        variant_title: null as string | null,
        vendor: "Orderbell Demo",
        tax_lines: [{ price: "1.44", rate: 0.08875, title: "NY State Tax", price_set: moneySet("1.44") }],
        discount_allocations: [{ amount: "1.80", amount_set: moneySet("1.80"), discount_application_index: 0 }],
      },
    ] as Array<Record<string, unknown>>,
    shipping_address: address(null) as ReturnType<typeof address> | null,
    shipping_lines: [
      { id: 271878346596884015n, code: "Standard", price: "5.90", price_set: moneySet("5.90"), discounted_price: "5.90", source: "shopify", title: "Standard", tax_lines: [], discount_allocations: [] },
    ] as Array<Record<string, unknown>> | null,
    refunds: [],
    fulfillments: [],
  };
}

export type ShopifyOrderPayload = ReturnType<typeof paidOrder>;

/** A full Shopify order (orders/paid, orders/create, orders/cancelled share this shape); shallow overrides. */
export function buildShopifyOrder(overrides: Partial<ShopifyOrderPayload> = {}): ShopifyOrderPayload {
  return { ...paidOrder(), ...overrides };
}

/** An order just placed with a payment still to be captured (orders/create, financial_status pending). */
export function buildShopifyPendingOrder(overrides: Partial<ShopifyOrderPayload> = {}): ShopifyOrderPayload {
  return buildShopifyOrder({ financial_status: "pending", payment_gateway_names: ["bank_deposit"], total_outstanding: "72.53", ...overrides });
}

/** A cancelled order (orders/cancelled): the full order, with cancelled_at and cancel_reason set. */
export function buildShopifyCancelledOrder(overrides: Partial<ShopifyOrderPayload> = {}): ShopifyOrderPayload {
  return buildShopifyOrder({ cancelled_at: "2026-11-28T09:30:00-05:00", cancel_reason: "customer", financial_status: "refunded", updated_at: "2026-11-28T09:30:00-05:00", ...overrides });
}

/** A Refund (refunds/create) of the tote bag line, 18.00 − 1.80 + 1.44 tax = 17.64, against `order_id`. */
export function buildShopifyRefund(overrides: Record<string, unknown> = {}) {
  const orderId = (overrides.order_id as bigint | undefined) ?? shopifyFixtureOrderId;
  return {
    id: 509562969126203480n,
    order_id: orderId,
    admin_graphql_api_id: "gid://shopify/Refund/509562969126203480",
    created_at: "2026-11-28T09:30:00-05:00",
    processed_at: "2026-11-28T09:30:00-05:00",
    note: "Damaged in transit",
    restock: true,
    user_id: 548380009n,
    duties: [],
    order_adjustments: [],
    refund_line_items: [
      {
        id: 104689539n,
        line_item_id: 141249953214522974n,
        location_id: 40642626n,
        quantity: 1,
        restock_type: "return",
        subtotal: 16.2,
        subtotal_set: moneySet("16.20"),
        total_tax: 1.44,
        total_tax_set: moneySet("1.44"),
      },
    ],
    transactions: [
      {
        id: 245135172n,
        admin_graphql_api_id: "gid://shopify/OrderTransaction/245135172",
        amount: "17.64",
        authorization: null,
        created_at: "2026-11-28T09:30:00-05:00",
        currency: "USD",
        gateway: "shopify_payments",
        kind: "refund",
        order_id: orderId,
        parent_id: 801038806n,
        processed_at: "2026-11-28T09:30:00-05:00",
        source_name: "web",
        status: "success",
        test: false,
      },
    ],
    ...overrides,
  };
}

/** The raw body Shopify sends: bigint ids as bare numbers (exact), everything else as JSON. */
export function shopifyJson(payload: unknown): string {
  return stringify(payload) ?? "";
}

export type ShopifySignOverrides = {
  topic?: string;
  shopDomain?: string;
  apiVersion?: string;
  webhookId?: string;
  /** null leaves the header out (older deliveries had none). */
  eventId?: string | null;
  triggeredAt?: string;
  /** Replaces the computed signature (tests of a wrong one). */
  hmac?: string;
  /** "events": the newer unprefixed headers (Shopify-Topic…) instead of X-Shopify-Topic…. */
  style?: "webhooks" | "events";
};

/**
 * Every header Shopify sends with a webhook, signed as Shopify signs: base64(HMAC-SHA256(secret, raw body)).
 * Fresh webhook and event ids on each call unless given.
 */
export function signShopifyRequest(body: string, secret: string, overrides: ShopifySignOverrides = {}): Record<string, string> {
  const prefix = overrides.style === "events" ? "shopify-" : "x-shopify-";
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Shopify-Captain-Hook",
    [`${prefix}topic`]: overrides.topic ?? "orders/paid",
    [`${prefix}hmac-sha256`]: overrides.hmac ?? hmacSha256(secret, body).toString("base64"),
    [`${prefix}shop-domain`]: overrides.shopDomain ?? shopifyShopDomain,
    [`${prefix}api-version`]: overrides.apiVersion ?? shopifyApiVersion,
    [`${prefix}webhook-id`]: overrides.webhookId ?? randomUUID(),
    [`${prefix}triggered-at`]: overrides.triggeredAt ?? new Date().toISOString(),
  };
  const eventId = overrides.eventId === undefined ? randomUUID() : overrides.eventId;
  if (eventId !== null) headers[`${prefix}event-id`] = eventId;
  return headers;
}
