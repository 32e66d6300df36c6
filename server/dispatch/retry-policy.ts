/**
 * Exponential backoff with full jitter (a random wait between 0 and base × 2^(n−1), capped), honouring a
 * provider's Retry-After when it asks for longer. With the defaults, eight attempts span up to about a day:
 * the caps between attempts add up to 23.9 h (11 min, 22, 45, 1.5 h, 3 h, 6 h, 12 h).
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export const retryPolicy = {
  baseMs: 11.25 * 60_000,
  capMs: 12 * 60 * 60_000,
  /** Never retry sooner than this, even with jitter near zero: a provider that just failed needs a moment. */
  minMs: 5_000,
};

export function backoffMs(failedAttempts: number, retryAfterMs: number | null | undefined, random: () => number = Math.random, policy = retryPolicy): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  const jittered = Math.max(policy.minMs, Math.floor(random() * ceiling));
  return Math.max(jittered, retryAfterMs ?? 0);
}
