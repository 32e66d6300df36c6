/**
 * The client's address as the nearest proxy saw it. Next.js fills X-Forwarded-For with the socket address
 * when no proxy set it; behind a reverse proxy that appends to the header, the right-most entry is the
 * one that proxy added. A client can still forge the header when no proxy sits in front, which is why
 * throttling also counts per email.
 */
export function clientAddressOf(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const forwarded = read("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? read("x-real-ip") ?? null;
}
