/** Headers that may carry a signature, a token or a session: never stored with an inbound event. */
const alwaysSensitive = /signature|hmac|secret|token|authorization|cookie|api[-_]?key|password/i;

export function safeHeaders(headers: Headers, sensitive: string[] = []): Record<string, string> {
  const extra = new Set(sensitive.map((name) => name.toLowerCase()));
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (!alwaysSensitive.test(lower) && !extra.has(lower)) kept[lower] = value;
  });
  return kept;
}
