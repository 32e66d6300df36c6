/** GSM 03.38 default alphabet (without ESC), as carriers encode 7-bit SMS. */
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** The extension table: reachable through ESC, two septets each, still 7-bit. */
const EXTENSION = "\f^{}\\[~]|€";
const GSM7 = new Set([...BASIC, ...EXTENSION]);

/**
 * Whether the text can go as a plain (GSM-7) SMS. Anything else must be sent with `type=unicode`, or
 * Vonage replaces the characters it cannot encode (curly quotes, emoji, most non-Latin scripts).
 */
export function isGsm7(text: string): boolean {
  for (const character of text) if (!GSM7.has(character)) return false;
  return true;
}
