import { createHmac } from "node:crypto";
import { hmacSha256 } from "../signatures";

/*
 * Realistic Square webhook payloads and RetrieveOrder answers (field names and shapes from
 * square/connect-api-specification), and the headers Square sends, for unit and HTTP integration tests.
 * Builders take shallow overrides: pass `{ status: "APPROVED" }` to change one field.
 */

export { squareErrorBody, startFakeSquareApi, type FakeSquareApiOptions } from "./fake-square-api";
export type { FakeApiServer, FakeReply, RecordedRequest } from "../testing/fake-json-api";
export { SQUARE_API_VERSION } from "./square-api";

type Json = Record<string, unknown>;

export const TEST_SQUARE_SIGNATURE_KEY = "h3ZkQ9rT1vWx7yB2nM5pLc";
export const TEST_SQUARE_ACCESS_TOKEN = "EAAAl0Yq7wT5kP3nR8sV2xZ6cF9hJ1mB4dG7kL0pS3uW6yA9eH2jN5qT8vX1zC4f";
export const TEST_SQUARE_ORDER_ID = "Xk2TqJb8nW4cRv7yPmL1sZ9eGhYZY";
export const TEST_SQUARE_PAYMENT_ID = "bP9mQ2kX7vT4nR1sW8yL5cZ3eHjYY";

const money = (amount: number, currency = "USD") => ({ amount, currency });

export function buildSquareAddress(overrides: Json = {}): Json {
  return {
    address_line_1: "500 Electric Ave",
    address_line_2: "Suite 600",
    locality: "New York",
    administrative_district_level_1: "NY",
    postal_code: "10003",
    country: "US",
    ...overrides,
  };
}

/** A COMPLETED card payment of $75.32 for TEST_SQUARE_ORDER_ID, as inside a payment.updated event. */
export function buildSquarePayment(overrides: Json = {}): Json {
  return {
    id: TEST_SQUARE_PAYMENT_ID,
    created_at: "2026-01-01T00:00:00.512Z",
    updated_at: "2026-01-01T00:00:03.208Z",
    amount_money: money(7532),
    total_money: money(7532),
    approved_money: money(7532),
    status: "COMPLETED",
    delay_duration: "PT168H",
    delay_action: "CANCEL",
    delayed_until: "2026-01-08T00:00:00.512Z",
    source_type: "CARD",
    card_details: {
      status: "CAPTURED",
      card: { card_brand: "VISA", last_4: "1111", exp_month: 11, exp_year: 2029, fingerprint: "sq-1-Hxim77tbcfmqTrjLwXH5WW9yDvSxHkfmV2B6xN3fJ0u4rwvxC8hMXRF5BtNuFvZ6rw", card_type: "CREDIT", prepaid_type: "NOT_PREPAID", bin: "411111" },
      entry_method: "KEYED",
      cvv_status: "CVV_ACCEPTED",
      avs_status: "AVS_ACCEPTED",
      statement_description: "SQ *ORDERBELL COFFEE",
      card_payment_timeline: { authorized_at: "2026-01-01T00:00:00.777Z", captured_at: "2026-01-01T00:00:03.208Z" },
    },
    location_id: "L88917AVBK2S5",
    order_id: TEST_SQUARE_ORDER_ID,
    risk_evaluation: { created_at: "2026-01-01T00:00:00.777Z", risk_level: "NORMAL" },
    buyer_email_address: "maya.chen@example.com",
    shipping_address: buildSquareAddress({ first_name: "Maya", last_name: "Chen" }),
    receipt_number: "bP9m",
    receipt_url: `https://squareup.com/receipt/preview/${TEST_SQUARE_PAYMENT_ID}`,
    application_details: { square_product: "ECOMMERCE_API", application_id: "sq0idp-w46nJ_NCNDMSOywaCY0mwA" },
    version_token: "TPtNEOBOa6Qq6E3C3IjckSVOM6b3hMbfhX2uyDrYd2Sf6o",
    version: 3,
    ...overrides,
  };
}

/** The envelope Square posts for payment.updated. */
export function buildPaymentUpdatedEvent(payment: Json = {}, event: Json = {}): Json {
  const built = buildSquarePayment(payment);
  return {
    merchant_id: "ML8M1AQ1GQG2K",
    type: "payment.updated",
    event_id: "6a8f5f28-54a1-4eb0-a98a-3111513fd4fc",
    created_at: "2026-01-01T00:00:03.401Z",
    data: { type: "payment", id: built.id, object: { payment: built } },
    ...event,
  };
}

export function buildSquareLineItem(overrides: Json = {}): Json {
  return {
    uid: "8uSwfzvUImn3IRrvciqlXC",
    catalog_object_id: "7RHE3SJMG2SNBNZEN5B4XVGO",
    catalog_version: 1767225000000,
    quantity: "2",
    name: "Single-origin coffee beans",
    variation_name: "1 lb bag",
    base_price_money: money(1800),
    gross_sales_money: money(3600),
    total_tax_money: money(324),
    total_discount_money: money(360),
    total_money: money(3564),
    variation_total_price_money: money(3600),
    applied_taxes: [{ uid: "aKG87ArnDpvMXSZqlCopc", tax_uid: "sales-tax", applied_money: money(324) }],
    applied_discounts: [{ uid: "jWdgP1TpHPFBuVrz81mXVC", discount_uid: "welcome-10", applied_money: money(360) }],
    item_type: "ITEM",
    total_service_charge_money: money(0),
    ...overrides,
  };
}

/**
 * An online order as RetrieveOrder returns it: two lines (gross 6800), 10% off (680), 10% additive tax
 * (612), shipping as a service charge (800), total 7532, shipped to a recipient.
 */
export function buildSquareOrder(overrides: Json = {}): Json {
  return {
    id: TEST_SQUARE_ORDER_ID,
    location_id: "L88917AVBK2S5",
    source: { name: "Square Online" },
    customer_id: "JDKYHBWT1D4F8MFH63DBMEN8Y4",
    line_items: [
      buildSquareLineItem(),
      buildSquareLineItem({
        uid: "v8ZuEXpOJpb0bazLuvrLDB",
        catalog_object_id: "W62UWFY35CWMYGVWK6TWJDNI",
        quantity: "1",
        name: "Ceramic pour-over dripper",
        variation_name: "White",
        base_price_money: money(3200),
        gross_sales_money: money(3200),
        total_tax_money: money(288),
        total_discount_money: money(320),
        total_money: money(3168),
        variation_total_price_money: money(3200),
        applied_taxes: [{ uid: "bLH98BsoEqwNYTArmDpqd", tax_uid: "sales-tax", applied_money: money(288) }],
        applied_discounts: [{ uid: "kXehQ2UqIQGCvWsa92nYWD", discount_uid: "welcome-10", applied_money: money(320) }],
      }),
    ],
    taxes: [{ uid: "sales-tax", name: "Sales tax", percentage: "10.0", type: "ADDITIVE", applied_money: money(612), scope: "ORDER" }],
    discounts: [{ uid: "welcome-10", name: "WELCOME10", percentage: "10.0", applied_money: money(680), type: "FIXED_PERCENTAGE", scope: "ORDER" }],
    service_charges: [
      {
        uid: "shipping-fee",
        name: "Shipping",
        amount_money: money(800),
        applied_money: money(800),
        calculation_phase: "TOTAL_PHASE",
        taxable: false,
        total_money: money(800),
        total_tax_money: money(0),
        type: "CUSTOM",
        treatment_type: "APPORTIONED_TREATMENT",
      },
    ],
    fulfillments: [
      {
        uid: "pM1rTf5sQ2nJ8kC3vW7yZa",
        type: "SHIPMENT",
        state: "PROPOSED",
        shipment_details: {
          recipient: { display_name: "Maya Chen", email_address: "maya.chen@example.com", phone_number: "+1 212-555-0147", address: buildSquareAddress() },
          placed_at: "2026-01-01T00:00:00.203Z",
        },
      },
    ],
    net_amounts: { total_money: money(7532), tax_money: money(612), discount_money: money(680), tip_money: money(0), service_charge_money: money(800) },
    tenders: [{ id: TEST_SQUARE_PAYMENT_ID, location_id: "L88917AVBK2S5", transaction_id: TEST_SQUARE_ORDER_ID, created_at: "2026-01-01T00:00:00Z", amount_money: money(7532), type: "CARD", payment_id: TEST_SQUARE_PAYMENT_ID }],
    created_at: "2025-12-31T23:58:41.874Z",
    updated_at: "2026-01-01T00:00:03.000Z",
    state: "OPEN",
    version: 4,
    total_money: money(7532),
    total_tax_money: money(612),
    total_discount_money: money(680),
    total_tip_money: money(0),
    total_service_charge_money: money(800),
    net_amount_due_money: money(0),
    ...overrides,
  };
}

export type SquareSignatureScheme = "both" | "hmacsha256" | "legacy";

/**
 * The headers Square sends with a notification, signed for `body` (the exact bytes to post) and the
 * notification URL as entered in the subscription. Square sends the HMAC-SHA256 signature and, for older
 * integrations, the deprecated HMAC-SHA1 `x-square-signature` too (`scheme: "both"`, the default).
 */
export function signSquareRequest(
  body: string | Buffer,
  signatureKey: string,
  notificationUrl: string,
  options: { scheme?: SquareSignatureScheme; environment?: "Production" | "Sandbox"; retryNumber?: number; at?: Date } = {},
): Record<string, string> {
  const scheme = options.scheme ?? "both";
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Square Connect v2",
    "square-environment": options.environment ?? "Production",
    "square-initial-delivery-timestamp": (options.at ?? new Date()).toISOString(),
  };
  if (options.retryNumber) {
    headers["square-retry-number"] = String(options.retryNumber);
    headers["square-retry-reason"] = "http_timeout";
  }
  if (scheme !== "legacy") headers["x-square-hmacsha256-signature"] = hmacSha256(signatureKey, notificationUrl, body).toString("base64");
  if (scheme !== "hmacsha256") headers["x-square-signature"] = createHmac("sha1", signatureKey).update(notificationUrl).update(body).digest("base64");
  return headers;
}
