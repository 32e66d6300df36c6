import { z } from "zod";

/**
 * A key, token or secret pasted from a provider's console: one word of at least `min` characters. A
 * shorter value cannot be right, so the form refuses it on its field instead of the provider refusing
 * every message later. `min` is the shortest the provider ever issues, or a safe floor below it.
 */
export function secretText(what: string, min = 8) {
  return z
    .string({ error: `Paste the ${what}.` })
    .trim()
    .min(min, `That is too short to be the ${what} (at least ${min} characters): copy the whole value again.`)
    .regex(/^\S+$/, `The ${what} has no spaces: copy it again.`);
}
