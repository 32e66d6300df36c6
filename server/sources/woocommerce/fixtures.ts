import { randomBytes } from "node:crypto";
import { hmacSha256 } from "../signatures";

/**
 * WooCommerce webhook payloads and headers as WooCommerce 8.9 sends them, for unit tests here and HTTP
 * tests against the running app. Serialise payloads with `woocommerceJson`, which writes JSON the way PHP's
 * json_encode does (escaped slashes and non-ASCII), so signatures are checked against realistic bytes.
 */

export const woocommerceSiteUrl = "https://shop.orderbell.example/";
export const woocommerceUserAgent = "WooCommerce/8.9.1 Hookshot (WordPress/6.5.2)";

const address = {
  first_name: "Grace",
  last_name: "Hopper",
  company: "",
  address_1: "1701 Navy Yard Ave",
  address_2: "Suite 4",
  city: "Arlington",
  state: "VA",
  postcode: "22202",
  country: "US",
};

/**
 * A typical paid order (status processing): 2 × Merino Hoodie at 45.00 and 1 × Ceramic Mug at 14.00, a 10%
 * coupon (10.40), 7.50 shipping and 7.49 tax: 104.00 + 7.50 + 7.49 − 10.40 = 108.59. Amounts exclude tax.
 */
function processingOrder() {
  const id = 727;
  return {
    id,
    parent_id: 0,
    status: "processing",
    currency: "USD",
    version: "8.9.1",
    prices_include_tax: false,
    date_created: "2026-11-27T05:21:03",
    date_modified: "2026-11-27T05:21:09",
    discount_total: "10.40",
    discount_tax: "0.83",
    shipping_total: "7.50",
    shipping_tax: "0.00",
    cart_tax: "7.49",
    total: "108.59",
    total_tax: "7.49",
    customer_id: 12,
    order_key: "wc_order_Xb3pLq9sT2mVe",
    billing: { ...address, email: "grace@customer.example", phone: "(703) 555-0142" } as Record<string, string | null> | null,
    shipping: { ...address, phone: "" } as Record<string, string | null> | null,
    payment_method: "stripe",
    payment_method_title: "Credit Card (Stripe)",
    transaction_id: "pi_3QBv8L2eZvKYlo2C0x1yZ9Ab",
    customer_ip_address: "198.51.100.23",
    customer_user_agent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    created_via: "checkout",
    customer_note: "Please leave it at the side door — thank you!",
    date_completed: null as string | null,
    date_paid: "2026-11-27T05:21:09" as string | null,
    cart_hash: "9c1f7e2b5a0d4e6f8a3b2c1d0e9f8a7b",
    number: "727" as string | number | null,
    meta_data: [
      { id: 5512, key: "is_vat_exempt", value: "no" },
      { id: 5513, key: "_stripe_currency", value: "USD" },
    ],
    line_items: [
      {
        id: 315,
        name: "Merino Hoodie",
        product_id: 93,
        variation_id: 101,
        quantity: 2,
        tax_class: "",
        subtotal: "90.00",
        subtotal_tax: "7.20",
        total: "81.00",
        total_tax: "6.48",
        taxes: [{ id: 1, total: "6.48", subtotal: "7.20" }],
        meta_data: [
          { id: 2101, key: "pa_colour", value: "navy", display_key: "Colour", display_value: "Navy" },
          { id: 2102, key: "pa_size", value: "m", display_key: "Size", display_value: "M" },
          { id: 2103, key: "_reduced_stock", value: "2", display_key: "_reduced_stock", display_value: "2" },
        ] as Array<Record<string, unknown>>,
        sku: "HOOD-NVY-M" as string | null,
        price: 40.5,
        image: { id: 94, src: `${woocommerceSiteUrl}wp-content/uploads/2026/10/merino-hoodie.jpg` },
        parent_name: "Merino Hoodie" as string | null,
      },
      {
        id: 316,
        name: "Ceramic Mug",
        product_id: 87,
        variation_id: 0,
        quantity: 1,
        tax_class: "",
        subtotal: "14.00",
        subtotal_tax: "1.12",
        total: "12.60",
        total_tax: "1.01",
        taxes: [{ id: 1, total: "1.01", subtotal: "1.12" }],
        meta_data: [] as Array<Record<string, unknown>>,
        sku: "MUG-CER" as string | null,
        price: 12.6,
        image: { id: 88, src: `${woocommerceSiteUrl}wp-content/uploads/2026/10/ceramic-mug.jpg` },
        parent_name: null as string | null,
      },
    ] as Array<Record<string, unknown>>,
    tax_lines: [{ id: 320, rate_code: "US-VA-STATE TAX-1", rate_id: 1, label: "State Tax", compound: false, tax_total: "7.49", shipping_tax_total: "0.00", rate_percent: 8, meta_data: [] }],
    shipping_lines: [{ id: 318, method_title: "Flat rate", method_id: "flat_rate", instance_id: "1", total: "7.50", total_tax: "0.00", taxes: [], meta_data: [] }],
    fee_lines: [] as Array<Record<string, unknown>>,
    coupon_lines: [{ id: 319, code: "spring10", discount: "10.40", discount_tax: "0.83", meta_data: [] }],
    refunds: [] as Array<Record<string, unknown>>,
    payment_url: `${woocommerceSiteUrl}checkout/order-pay/${id}/?pay_for_order=true&key=wc_order_Xb3pLq9sT2mVe`,
    is_editable: false,
    needs_payment: false,
    needs_processing: true,
    date_created_gmt: "2026-11-27T10:21:03" as string | null,
    date_modified_gmt: "2026-11-27T10:21:09",
    date_completed_gmt: null as string | null,
    date_paid_gmt: "2026-11-27T10:21:09" as string | null,
    currency_symbol: "$",
    _links: {
      self: [{ href: `${woocommerceSiteUrl}wp-json/wc/v3/orders/${id}` }],
      collection: [{ href: `${woocommerceSiteUrl}wp-json/wc/v3/orders` }],
      customer: [{ href: `${woocommerceSiteUrl}wp-json/wc/v3/customers/12` }],
    },
  };
}

export type WooCommerceOrderPayload = ReturnType<typeof processingOrder>;

/** A full REST v3 order as order.created / order.updated deliver it; shallow overrides (status…). */
export function buildWooCommerceOrder(overrides: Partial<WooCommerceOrderPayload> = {}): WooCommerceOrderPayload {
  return { ...processingOrder(), ...overrides };
}

/** The same order before payment: status pending, no date_paid. */
export function buildWooCommercePendingOrder(overrides: Partial<WooCommerceOrderPayload> = {}): WooCommerceOrderPayload {
  return buildWooCommerceOrder({ status: "pending", date_paid: null, date_paid_gmt: null, transaction_id: "", needs_payment: true, ...overrides });
}

/** The raw body as PHP's json_encode writes it: "\/" for slashes, \uXXXX for anything beyond ASCII. */
export function woocommerceJson(payload: unknown): string {
  return JSON.stringify(payload)
    .replace(/\//g, "\\/")
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export type WooCommerceSignOverrides = {
  /** order.created (default), order.updated, product.updated… Resource and event headers follow it. */
  topic?: string;
  /** The webhook's id in WooCommerce. */
  webhookId?: number;
  /** Fresh 32-hex-digit id per call unless given. */
  deliveryId?: string;
  source?: string;
  /** Replaces the computed signature (tests of a wrong one). */
  signature?: string;
};

/**
 * Every header WooCommerce sends with a delivery (WC_Webhook::deliver), signed as it signs:
 * base64(HMAC-SHA256(secret, raw body)).
 */
export function signWooCommerceRequest(body: string, secret: string, overrides: WooCommerceSignOverrides = {}): Record<string, string> {
  const topic = overrides.topic ?? "order.created";
  const [resource = "", event = ""] = topic.split(".");
  return {
    "content-type": "application/json",
    "user-agent": woocommerceUserAgent,
    "x-wc-webhook-source": overrides.source ?? woocommerceSiteUrl,
    "x-wc-webhook-topic": topic,
    "x-wc-webhook-resource": resource,
    "x-wc-webhook-event": event,
    "x-wc-webhook-signature": overrides.signature ?? hmacSha256(secret, body).toString("base64"),
    "x-wc-webhook-id": String(overrides.webhookId ?? 14),
    "x-wc-webhook-delivery-id": overrides.deliveryId ?? randomBytes(16).toString("hex"),
  };
}

/** The unsigned test request WooCommerce sends when a webhook is saved (WC_Webhook::deliver_ping). */
export function woocommercePingRequest(webhookId = 14): { body: string; headers: Record<string, string> } {
  return {
    body: `webhook_id=${webhookId}`,
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": woocommerceUserAgent },
  };
}
