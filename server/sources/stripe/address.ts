import type { PostalAddress } from "@/db/schema";
import type { StripeAddress } from "./schemas";

/** Stripe's `{line1, line2, city, state, postal_code, country}` as Orderbell's PostalAddress; null when empty. */
export function toPostalAddress(address: StripeAddress | null | undefined, extra: { name?: string | null; phone?: string | null } = {}): PostalAddress | null {
  if (!address) return null;
  const fields: PostalAddress = {
    name: extra.name ?? undefined,
    line1: address.line1 ?? undefined,
    line2: address.line2 ?? undefined,
    city: address.city ?? undefined,
    region: address.state ?? undefined,
    postalCode: address.postal_code ?? undefined,
    country: address.country ?? undefined,
    phone: extra.phone ?? undefined,
  };
  const present = Object.entries(fields).filter(([, value]) => typeof value === "string" && value.trim() !== "");
  // A name alone is not an address: Stripe sends all-null address objects when none was collected.
  if (!present.some(([key]) => key !== "name" && key !== "phone")) return null;
  return Object.fromEntries(present) as PostalAddress;
}
