import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * Contact details as the public receipt shows them: enough for the customer to recognise their own, too
 * little for anyone else who gets hold of the link.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/** "+14155550132" → "+1 ••• ••• 0132": the country code and the last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "•••";
  const countryCode = parsePhoneNumberFromString(phone)?.countryCallingCode;
  const last = digits.slice(-4);
  return countryCode ? `+${countryCode} ••• ••• ${last}` : `••• ••• ${last}`;
}
