import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/min";
import { type SQL, sql } from "drizzle-orm";
import { escapeLike } from "@/db/escape-like";

export type SearchTerms = {
  /** The order number as stored, lower-cased and without a leading "#". */
  number: string;
  /** The platform's id, exactly as typed. */
  externalId: string;
  /** A whole email address, lower-cased. */
  email: string | null;
  /** A phone number read as E.164 with the store's country. */
  phone: string | null;
  /** A part of a name or an email, at least three characters with a letter. */
  partial: string | null;
};

/** Reads a phone number typed any way ("(415) 555-0132", "0151 1234 5678", "+49…", "4915…"). */
export function phoneOf(text: string, defaultCountry: string): string | null {
  const digits = text.replace(/\D/g, "");
  if (digits.length < 6 || /[a-z@]/i.test(text)) return null;
  for (const candidate of [text, `+${digits}`]) {
    const parsed = parsePhoneNumberFromString(candidate, defaultCountry as CountryCode);
    if (parsed?.isValid()) return parsed.number;
  }
  return null;
}

/** What a search box text can mean; each meaning is matched through its own index (see the schema). */
export function searchTermsOf(text: string, defaultCountry: string): SearchTerms {
  const trimmed = text.trim();
  return {
    number: trimmed.replace(/^#+/, "").trim().toLowerCase(),
    externalId: trimmed,
    email: trimmed.includes("@") ? trimmed.toLowerCase() : null,
    phone: phoneOf(trimmed, defaultCountry),
    // Digits alone are a number or a phone, never a part of a name: "#512345" must not match phones.
    partial: trimmed.length >= 3 && /\p{L}/u.test(trimmed) ? trimmed : null,
  };
}

/**
 * The ids of the orders a search matches exactly, as one UNION of index lookups: the normalised number, the
 * platform id, and the orders of the customer with that exact email or phone. Nothing here reads every
 * order or every customer.
 */
export function exactOrderIds(terms: SearchTerms): SQL {
  const customerMatches: SQL[] = [];
  if (terms.email) customerMatches.push(sql`(c.email is not null and lower(c.email) = ${terms.email})`);
  if (terms.phone) customerMatches.push(sql`c.phone = ${terms.phone}`);
  const byCustomer = customerMatches.length
    ? sql` union select o.id from orders o where o.customer_id in (select c.id from customers c where ${sql.join(customerMatches, sql` or `)})`
    : sql``;
  return sql`select id from orders where lower(ltrim(number, '#')) = ${terms.number}
    union select id from orders where external_id = ${terms.externalId}${byCustomer}`;
}

/** Whether customer `alias`'s name or email contains the text: the trigram GIN indexes answer ILIKE '%…%'. */
export function partialCustomerMatch(alias: string, partial: string): SQL {
  const pattern = `%${escapeLike(partial)}%`;
  const c = sql.raw(alias);
  return sql`(${c}.name ilike ${pattern} or ${c}.email ilike ${pattern})`;
}

/** Customers whose name or email contains the text. */
export function partialCustomerIds(partial: string): SQL {
  return sql`select c.id from customers c where ${partialCustomerMatch("c", partial)}`;
}
