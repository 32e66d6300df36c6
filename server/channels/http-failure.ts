import type { SendResult } from "./channel-provider";

/** Retry-After as milliseconds: delta-seconds or an HTTP date. Null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** 408, 429 and 5xx are worth trying again; any other 4xx will fail the same way next time. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * A failed HTTP answer as a SendResult: retryable or not by status, Retry-After read, and the provider's
 * own error text (already extracted by the adapter, without credentials) with the status in front.
 */
export function httpFailure(response: Response, providerError: string, overrides: { retryable?: boolean; retryAfterMs?: number | null } = {}): SendResult {
  const retryAfter = overrides.retryAfterMs ?? retryAfterMs(response.headers.get("retry-after"));
  return {
    ok: false,
    retryable: overrides.retryable ?? isRetryableStatus(response.status),
    error: `HTTP ${response.status}: ${providerError}`.slice(0, 1000),
    httpStatus: response.status,
    ...(retryAfter !== null ? { retryAfterMs: retryAfter } : {}),
  };
}

/**
 * A request that never got an answer (connection refused, DNS, TLS, timeout): always retryable. The
 * message names the kind of failure, never the URL's query (which may hold a key, e.g. Telegram's token).
 */
export function networkFailure(error: unknown, timeoutMs?: number): SendResult {
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return { ok: false, retryable: true, error: `no answer within ${timeoutMs ?? "the"} ms timeout` };
  }
  const cause = (error as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  return { ok: false, retryable: true, error: `network error${code ? ` (${code})` : ""}: could not reach the provider` };
}

/** Reads a body as JSON when it is JSON, else null; never throws. */
export async function readJson<T = unknown>(response: Response): Promise<T | null> {
  const text = await response.text().catch(() => "");
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
