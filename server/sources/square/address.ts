import type { PostalAddress } from "@/db/schema";
import type { SquareAddress } from "./schemas";

/** Square's `{first_name, last_name}` of an address, when set. */
export function addressName(address: SquareAddress | null | undefined): string | null {
  const name = [address?.first_name, address?.last_name].filter((part) => part && part.trim() !== "").join(" ");
  return name || null;
}

/** Square's Address as Orderbell's PostalAddress; null when it holds no address lines or place. */
export function toPostalAddress(address: SquareAddress | null | undefined, extra: { name?: string | null; phone?: string | null } = {}): PostalAddress | null {
  if (!address) return null;
  const line2 = [address.address_line_2, address.address_line_3].filter((line) => line && line.trim() !== "").join(", ");
  const fields: PostalAddress = {
    name: extra.name ?? addressName(address) ?? undefined,
    line1: address.address_line_1 ?? undefined,
    line2: line2 || undefined,
    city: address.locality ?? address.sublocality ?? undefined,
    region: address.administrative_district_level_1 ?? undefined,
    postalCode: address.postal_code ?? undefined,
    country: address.country ?? undefined,
    phone: extra.phone ?? undefined,
  };
  const present = Object.entries(fields).filter(([, value]) => typeof value === "string" && value.trim() !== "");
  if (!present.some(([key]) => key !== "name" && key !== "phone")) return null;
  return Object.fromEntries(present) as PostalAddress;
}
