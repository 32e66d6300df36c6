/**
 * Credentials and settings are pasted from provider consoles, often with a stray space or newline, and
 * optional fields are left empty: trim every string and treat an empty one as "not set" before a schema
 * validates them. Fields listed in `keepAsTyped` (passwords) are kept exactly, spaces included.
 */
export function trimBlankFields(keepAsTyped: string[] = []) {
  return (value: unknown): unknown => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => {
        if (typeof entry !== "string") return [key, entry];
        if (keepAsTyped.includes(key)) return [key, entry === "" ? undefined : entry];
        const trimmed = entry.trim();
        return [key, trimmed === "" ? undefined : trimmed];
      }),
    );
  };
}

/** trimBlankFields with nothing kept as typed: the usual preprocessing of a provider's zod schemas. */
export const trimBlankToUndefined = trimBlankFields();
