/** Small readers shared by the Stripe object mappers. */

export function unixToDate(seconds: number): Date {
  return new Date(seconds * 1000);
}

/** Checkout's `locale` is a language tag, or "auto" (the browser's), which tells us nothing. */
export function stripeLocale(locale: string | null | undefined): string | null {
  return locale && locale !== "auto" ? locale : null;
}

/**
 * The number customers see: `metadata.order_number` when the shop set one, else the Checkout
 * `client_reference_id`, else the Stripe id itself.
 */
export function orderNumber(metadata: Record<string, unknown> | null | undefined, clientReferenceId: string | null | undefined, fallback: string): string {
  const fromMetadata = metadata?.order_number;
  if (typeof fromMetadata === "string" && fromMetadata.trim() !== "") return fromMetadata.trim();
  if (typeof fromMetadata === "number" && Number.isFinite(fromMetadata)) return String(fromMetadata);
  if (clientReferenceId && clientReferenceId.trim() !== "") return clientReferenceId.trim();
  return fallback;
}
