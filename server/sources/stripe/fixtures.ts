import { hmacSha256 } from "../signatures";

/*
 * Realistic Stripe webhook payloads (field names and shapes from stripe/openapi, API version
 * 2025-08-27.basil) and the headers Stripe sends with them, for unit tests and HTTP integration tests.
 * Builders take shallow overrides: pass `{ payment_status: "unpaid" }` to change one field.
 */

export { startFakeStripeApi, stripeErrorBody, type FakeStripeApiOptions } from "./fake-stripe-api";
export type { FakeApiServer, FakeReply, RecordedRequest } from "../testing/fake-json-api";

type Json = Record<string, unknown>;

export const TEST_STRIPE_SIGNING_SECRET = "whsec_3f1Vb0x8cZk2QmT7yLr4pNa9sHd6uWeE";
export const TEST_STRIPE_API_KEY = "rk_test_51PqZ0aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4";
export const STRIPE_TEST_API_VERSION = "2025-08-27.basil";

const CREATED = 1_767_225_600; // 2026-01-01T00:00:00Z

export function buildStripeAddress(overrides: Json = {}): Json {
  return { city: "Berlin", country: "DE", line1: "Torstraße 109", line2: "Hinterhaus, 3. OG", postal_code: "10119", state: null, ...overrides };
}

/** A Checkout line item: 2 × €19.00 aprons, 10% coupon, 19% tax on top. */
export function buildStripeLineItem(overrides: Json = {}): Json {
  return {
    id: "li_1SfA2bC3dE4fG5hI6jK7lM8n",
    object: "item",
    amount_discount: 380,
    amount_subtotal: 3800,
    amount_tax: 650,
    amount_total: 4070,
    currency: "eur",
    description: "Linen apron",
    price: {
      id: "price_1SfA0aC3dE4fG5hIapron19",
      object: "price",
      active: true,
      billing_scheme: "per_unit",
      created: CREATED - 86_400,
      currency: "eur",
      custom_unit_amount: null,
      livemode: false,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: "prod_TcApron0001",
      recurring: null,
      tax_behavior: "exclusive",
      tiers_mode: null,
      transform_quantity: null,
      type: "one_time",
      unit_amount: 1900,
      unit_amount_decimal: "1900",
    },
    quantity: 2,
    ...overrides,
  };
}

/** The two lines that make up buildCheckoutSession()'s totals. */
export function buildStripeLineItems(): Json[] {
  return [
    buildStripeLineItem(),
    buildStripeLineItem({
      id: "li_1SfA2bC3dE4fG5hI6jK7mug1",
      amount_discount: 200,
      amount_subtotal: 2000,
      amount_tax: 342,
      amount_total: 2142,
      description: "Ceramic mug",
      price: { ...(buildStripeLineItem().price as Json), id: "price_1SfA0aC3dE4fG5hImug0020", product: "prod_TcMug00002", unit_amount: 2000, unit_amount_decimal: "2000" },
      quantity: 1,
    }),
  ];
}

/** A paid Checkout Session: subtotal 5800, discount 580, shipping 490, tax 992, total 6702 (EUR cents). */
export function buildCheckoutSession(overrides: Json = {}): Json {
  return {
    id: "cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ0123456789abcdefGHIJ",
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: true,
    amount_subtotal: 5800,
    amount_total: 6702,
    automatic_tax: { enabled: true, liability: { type: "self" }, provider: "stripe", status: "complete" },
    billing_address_collection: null,
    cancel_url: "https://shop.example/cart",
    client_reference_id: null,
    client_secret: null,
    collected_information: {
      business_name: null,
      individual_name: null,
      shipping_details: { address: buildStripeAddress(), name: "Jenny Rosen" },
    },
    consent: null,
    consent_collection: null,
    created: CREATED,
    currency: "eur",
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_creation: "if_required",
    customer_details: {
      address: buildStripeAddress(),
      business_name: null,
      email: "jenny.rosen@example.com",
      individual_name: null,
      name: "Jenny Rosen",
      phone: "+4915112345678",
      tax_exempt: "none",
      tax_ids: [],
    },
    customer_email: null,
    discounts: [{ coupon: null, promotion_code: "promo_1SfWELCOME10" }],
    expires_at: CREATED + 86_400,
    invoice: null,
    invoice_creation: { enabled: false, invoice_data: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: null, metadata: {}, rendering_options: null } },
    livemode: false,
    locale: "de",
    metadata: { order_number: "1042" },
    mode: "payment",
    origin_context: null,
    payment_intent: "pi_3SfA4bC3dE4fG5hI0aBcDeFg",
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_configuration_details: { id: "pmc_1SfA0aC3dE4fG5hIconfig", parent: null },
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    payment_method_types: ["card", "link"],
    payment_status: "paid",
    permissions: null,
    phone_number_collection: { enabled: true },
    presentment_details: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: { allowed_countries: ["DE", "AT", "FR"] },
    shipping_cost: { amount_subtotal: 490, amount_tax: 0, amount_total: 490, shipping_rate: "shr_1SfA0aC3dE4fG5hIdhl490" },
    shipping_options: [{ shipping_amount: 490, shipping_rate: "shr_1SfA0aC3dE4fG5hIdhl490" }],
    status: "complete",
    submit_type: "pay",
    subscription: null,
    success_url: "https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}",
    total_details: { amount_discount: 580, amount_shipping: 490, amount_tax: 992 },
    ui_mode: "hosted",
    url: null,
    wallet_options: null,
    ...overrides,
  };
}

/** A PaymentIntent that succeeded: $25.00, receipt email and shipping set, no Checkout involved. */
export function buildPaymentIntent(overrides: Json = {}): Json {
  return {
    id: "pi_3SfB7cD4eF5gH6iJ1bCdEfGh",
    object: "payment_intent",
    amount: 2500,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 2500,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: { allow_redirects: "always", enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: "pi_3SfB7cD4eF5gH6iJ1bCdEfGh_secret_Zk9yXw8vUt7sRq6pOn5mLk4jI",
    confirmation_method: "automatic",
    created: CREATED,
    currency: "usd",
    customer: null,
    description: "Order A-2001",
    last_payment_error: null,
    latest_charge: "ch_3SfB7cD4eF5gH6iJ1xYzAbCd",
    livemode: false,
    metadata: { order_number: "A-2001" },
    next_action: null,
    on_behalf_of: null,
    payment_method: "pm_1SfB7bD4eF5gH6iJcardVisa",
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    processing: null,
    receipt_email: "sam.lee@example.com",
    review: null,
    setup_future_usage: null,
    shipping: {
      address: { city: "Portland", country: "US", line1: "1234 SE Belmont St", line2: null, postal_code: "97214", state: "OR" },
      carrier: null,
      name: "Sam Lee",
      phone: "+15035550142",
      tracking_number: null,
    },
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
    ...overrides,
  };
}

/** A fully refunded card charge of buildPaymentIntent()'s PaymentIntent. */
export function buildCharge(overrides: Json = {}): Json {
  return {
    id: "ch_3SfB7cD4eF5gH6iJ1xYzAbCd",
    object: "charge",
    amount: 2500,
    amount_captured: 2500,
    amount_refunded: 2500,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: "txn_3SfB7cD4eF5gH6iJ1bAlTxN0",
    billing_details: { address: { city: null, country: "US", line1: null, line2: null, postal_code: "97214", state: null }, email: null, name: "Sam Lee", phone: null, tax_id: null },
    calculated_statement_descriptor: "ORDERBELL SHOP",
    captured: true,
    created: CREATED,
    currency: "usd",
    customer: null,
    description: null,
    disputed: false,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    outcome: { network_status: "approved_by_network", reason: null, risk_level: "normal", risk_score: 32, seller_message: "Payment complete.", type: "authorized" },
    paid: true,
    payment_intent: "pi_3SfB7cD4eF5gH6iJ1bCdEfGh",
    payment_method: "pm_1SfB7bD4eF5gH6iJcardVisa",
    payment_method_details: { card: { brand: "visa", country: "US", exp_month: 12, exp_year: 2030, funding: "credit", last4: "4242", network: "visa" }, type: "card" },
    receipt_email: "sam.lee@example.com",
    receipt_number: null,
    receipt_url: "https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xU2ZB",
    refunded: true,
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
    ...overrides,
  };
}

/** The event envelope Stripe posts, around any object. */
export function buildStripeEvent(type: string, object: Json, overrides: Json = {}): Json {
  return {
    id: "evt_1SfC9dE5fG6hI7jK2cDeFgHi",
    object: "event",
    api_version: STRIPE_TEST_API_VERSION,
    created: CREATED + 5,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...overrides,
  };
}

export function buildCheckoutSessionCompletedEvent(session: Json = {}, event: Json = {}): Json {
  return buildStripeEvent("checkout.session.completed", buildCheckoutSession(session), event);
}

export function buildPaymentIntentSucceededEvent(intent: Json = {}, event: Json = {}): Json {
  return buildStripeEvent("payment_intent.succeeded", buildPaymentIntent(intent), {
    request: { id: "req_Zq8yXw7vUt6sRq", idempotency_key: "a7c1e9b0-2f3d-4c5b-8a6e-0d1f2e3c4b5a" },
    ...event,
  });
}

export function buildChargeRefundedEvent(charge: Json = {}, event: Json = {}): Json {
  const built = buildCharge(charge);
  // What changed with this refund; `refunded` only flips on the refund that completes it.
  const previous = { amount_refunded: 0, ...(built.refunded === true ? { refunded: false } : {}) };
  return buildStripeEvent("charge.refunded", built, { data: { object: built, previous_attributes: previous }, ...event });
}

/** `t=<unix>,v1=<hex>[,v1=…]`: one v1 per secret, as Stripe sends while a secret is being rolled. */
export function stripeSignatureHeader(body: string | Buffer, secrets: string[], timestamp: number): string {
  const signatures = secrets.map((secret) => `v1=${hmacSha256(secret, String(timestamp), ".", body).toString("hex")}`);
  return [`t=${timestamp}`, ...signatures].join(",");
}

/**
 * The headers Stripe sends with a webhook, signed for `body` (the exact bytes to post). `at` is the
 * signing time (default now); `rolledSecrets` adds the v1 signatures of other secrets first, as during
 * a secret roll.
 */
export function signStripeRequest(
  body: string | Buffer,
  secret: string,
  options: { at?: Date; rolledSecrets?: string[] } = {},
): Record<string, string> {
  const timestamp = Math.floor((options.at ?? new Date()).getTime() / 1000);
  return {
    "content-type": "application/json; charset=utf-8",
    "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    accept: "*/*; q=0.5, application/xml",
    "cache-control": "no-cache",
    "stripe-signature": stripeSignatureHeader(body, [...(options.rolledSecrets ?? []), secret], timestamp),
  };
}
