import { normaliseEmail, normalisePhone } from "@/lib/validation/recipient";
import type { OrderEventCustomer } from "./order-event";

export type ContactDetails = {
  email: string | null;
  /** E.164 */
  phone: string | null;
  messengerIds: NonNullable<OrderEventCustomer["messengerIds"]>;
  /** What was given but could not be used, for the order's flag reason. */
  problems: string[];
};

/**
 * Keeps the contact details that can actually reach someone: a syntactically valid email, a phone number
 * that parses to E.164 (read in the shipping country, else the store's default), messenger ids as given.
 */
export function contactDetailsOf(customer: OrderEventCustomer, country: string | null | undefined, defaultCountry: string): ContactDetails {
  const problems: string[] = [];
  const rawEmail = customer.email?.trim().toLowerCase() || null;
  const email = rawEmail ? normaliseEmail(rawEmail) : null;
  if (rawEmail && !email) problems.push(`email "${rawEmail}" is not a valid address`);

  const rawPhone = customer.phone?.trim() || null;
  let phone: string | null = null;
  if (rawPhone) {
    const region = country?.toUpperCase() || defaultCountry;
    phone = normalisePhone(rawPhone, region) ?? (region !== defaultCountry ? normalisePhone(rawPhone, defaultCountry) : null);
    if (!phone) problems.push(`phone "${rawPhone}" is not a valid number for ${region}`);
  }

  const messengerIds = Object.fromEntries(
    Object.entries(customer.messengerIds ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== ""),
  );
  return { email, phone, messengerIds, problems };
}

export function hasAnyContact(contact: ContactDetails): boolean {
  return Boolean(contact.email || contact.phone || Object.keys(contact.messengerIds).length);
}
