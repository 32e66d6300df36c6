import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";
import type { RecipientKind } from "../channels/provider-ids";

const emailSchema = z.email();

/** A syntactically valid email address, lowercased; null when it is not one. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email && emailSchema.safeParse(email).success ? email : null;
}

/** A phone number in E.164, read in `country` when it has no +country code; null when it is not valid. */
export function normalisePhone(raw: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), country.toUpperCase() as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** The shapes of the messenger ids each platform hands out. */
const MESSENGER_IDS: Partial<Record<RecipientKind, { pattern: RegExp; expected: string }>> = {
  // A chat id (negative for groups) or a public channel's @username.
  telegram: { pattern: /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/, expected: "a Telegram chat id (digits) or @channelname" },
  line: { pattern: /^[UCR][0-9a-f]{32}$/, expected: "a LINE user id (U followed by 32 hexadecimal characters)" },
  viber: { pattern: /^[A-Za-z0-9+/]{8,64}={0,2}$/, expected: "a Viber user id (letters, digits, + and /, often ending in =)" },
  messenger: { pattern: /^\d{5,25}$/, expected: "a Messenger page-scoped id (PSID, digits)" },
};

/**
 * Checks where a message should go the way an order's contact details are checked: email syntax, a phone
 * number valid in E.164 (read with the store's country when it has no +country code), a messenger id of
 * the platform's shape. Answers the value to send to, normalised, or what is wrong with it.
 */
export function checkRecipient(kind: RecipientKind, raw: string, defaultCountry: string): { ok: true; to: string } | { ok: false; reason: string } {
  const value = raw.trim();
  if (!value) return { ok: false, reason: "Enter where the test message should go." };
  switch (kind) {
    case "email": {
      const email = normaliseEmail(value);
      return email ? { ok: true, to: email } : { ok: false, reason: `"${value}" is not a valid email address.` };
    }
    case "phone":
    case "whatsapp": {
      const phone = normalisePhone(value, defaultCountry);
      return phone ? { ok: true, to: phone } : { ok: false, reason: `"${value}" is not a valid phone number for ${defaultCountry.toUpperCase()}: use +<country code><number> for another country.` };
    }
    case "internal":
      return { ok: true, to: value };
    default: {
      const shape = MESSENGER_IDS[kind];
      return !shape || shape.pattern.test(value) ? { ok: true, to: value } : { ok: false, reason: `"${value}" is not ${shape.expected}.` };
    }
  }
}
