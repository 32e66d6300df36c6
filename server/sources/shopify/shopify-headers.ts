/**
 * Classic webhooks send `X-Shopify-<name>`; the newer Events deliveries send the same headers without the
 * `X-` (`Shopify-Hmac-Sha256`, `Shopify-Topic`…). Headers are case-insensitive, so one lookup per form.
 */
export function shopifyHeader(headers: Headers, name: "hmac-sha256" | "topic" | "shop-domain" | "api-version" | "webhook-id" | "event-id" | "triggered-at"): string | null {
  const value = (headers.get(`x-shopify-${name}`) ?? headers.get(`shopify-${name}`))?.trim();
  return value ? value : null;
}

/** Both spellings of the signature header: neither is ever stored. */
export const shopifySignatureHeaders = ["x-shopify-hmac-sha256", "shopify-hmac-sha256"];
