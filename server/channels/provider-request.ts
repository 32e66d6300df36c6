/**
 * The one request path every adapter calls its provider through. It owns what is the same for all of
 * them: the channel's timeout, network errors, Retry-After, the retryable / permanent classification and
 * the error excerpt with every credential redacted by one rule. An adapter keeps only what is its own:
 * the request it builds, and how it reads the answer (its id, or what its error body says).
 */

/** A failed send: retried later, or moved to the next channel of the step's chain. */
export type SendFailure = { ok: false; retryable: boolean; error: string; httpStatus?: number; retryAfterMs?: number };

/** The provider's answer, read once: status, headers, the body as text and, when it is JSON, parsed. */
export type ProviderAnswer = { ok: true; status: number; headers: Headers; text: string; json: unknown };

/**
 * What an adapter says about an answer that is not a plain success: its own error text, and a
 * classification when the status alone would be wrong (throttling inside a 400 or a 200, a queue-full
 * code worth retrying…). Any part left out falls back to the rule: 408, 429 and 5xx retryable, other
 * statuses permanent, Retry-After from the header, the error from a body excerpt.
 */
export type Refusal = { error?: string | null; retryable?: boolean; retryAfterMs?: number | null };

export type ProviderRequest = {
  url: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  /** Sent as application/json unless the headers say otherwise. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: URLSearchParams;
  /** Any other body; a FormData is sent as multipart/form-data with the boundary fetch chooses. */
  body?: string | Uint8Array<ArrayBuffer> | FormData;
  /** An answer outside 2xx that still means success (LINE's 409 for a retry of an accepted request). */
  accepts?(answer: ProviderAnswer): boolean;
  /** "manual" where a redirect means something is wrong (a webhook URL never redirects). */
  redirect?: "follow" | "manual";
  /**
   * Reads a failed answer (not 2xx, not accepted): what the error body says and, where the status alone
   * would classify it wrongly, how. Nothing: the status with a body excerpt.
   */
  refusal?(answer: ProviderAnswer): Refusal | null | undefined;
  /**
   * Reads a successful answer for a failure reported inside it (Slack `ok: false`, Vonage and Viber
   * status fields, a token endpoint's error in a 200). Nothing: it is a success. A failure inside a
   * success is permanent unless it says otherwise.
   */
  refusedInside?(answer: ProviderAnswer): Refusal | null | undefined;
};

const EXCERPT_LENGTH = 300;

/**
 * Secrets never to show: every string value of the channel's credentials, and every token derived from
 * them at run time (OAuth access tokens, Authorization header values).
 */
export class SecretSet {
  private readonly values = new Set<string>();

  constructor(credentials?: unknown) {
    this.addFrom(credentials);
  }

  /** Every string inside a credentials object (nested values too). */
  addFrom(value: unknown): void {
    if (typeof value === "string") this.add(value);
    else if (Array.isArray(value)) value.forEach((entry) => this.addFrom(entry));
    else if (value && typeof value === "object") Object.values(value).forEach((entry) => this.addFrom(entry));
  }

  add(secret: string | null | undefined): void {
    // Shorter values cannot be secrets the forms accept, and would shred every message they appear in.
    if (!secret || secret.length < 4) return;
    this.values.add(secret);
    this.values.add(encodeURIComponent(secret));
  }

  /** The one rule: each secret, as given or URL-encoded, becomes [redacted], longest first. */
  redact(text: string): string {
    const secrets = [...this.values].sort((a, b) => b.length - a.length);
    return secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. Null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** 408, 429 and 5xx are worth trying again; any other status will fail the same way next time. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The start of a body, on one line: what a proxy's HTML page or an unexpected error shape says. */
export function bodyExcerpt(text: string): string {
  const line = text.replace(/<[^>]{0,200}>/g, " ").replace(/\s+/g, " ").trim();
  if (!line) return "(empty body)";
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}

/** A classified failure for an answer, with the status in front and every secret redacted. */
export function answerFailure(answer: Pick<ProviderAnswer, "status" | "headers" | "text">, refusal: Refusal | null | undefined, secrets: SecretSet): SendFailure {
  const success = answer.status >= 200 && answer.status < 300;
  const retryable = refusal?.retryable ?? (success ? false : isRetryableStatus(answer.status));
  // The provider's own Retry-After first; the adapter's estimate only when there is none.
  const wait = retryAfterMs(answer.headers.get("retry-after")) ?? refusal?.retryAfterMs ?? null;
  // Redacted before it is cut, so no secret survives in halves at the cut.
  const error = refusal?.error || bodyExcerpt(secrets.redact(answer.text));
  return {
    ok: false,
    retryable,
    error: secrets.redact(`HTTP ${answer.status}: ${error}`).slice(0, 1000),
    httpStatus: answer.status,
    ...(retryable && wait !== null ? { retryAfterMs: wait } : {}),
  };
}

/**
 * A request that never got an answer (connection refused, DNS, TLS, timeout): always retryable. The
 * message names the kind of failure, never the URL (which may hold a key, e.g. Telegram's token).
 */
export function networkFailure(error: unknown, timeoutMs?: number): SendFailure {
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return { ok: false, retryable: true, error: timeoutMs ? `no answer within ${timeoutMs} ms (the channel's timeout)` : "no answer within the channel's timeout" };
  }
  const cause = (error as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  return { ok: false, retryable: true, error: `network error${code ? ` (${code})` : ""}: could not reach the provider` };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function encode(request: ProviderRequest): { headers: Record<string, string>; body: ProviderRequest["body"] } {
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  const has = (name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  if (request.json !== undefined) {
    if (!has("content-type")) headers["content-type"] = "application/json";
    return { headers, body: JSON.stringify(request.json) };
  }
  if (request.form) {
    if (!has("content-type")) headers["content-type"] = "application/x-www-form-urlencoded";
    return { headers, body: request.form.toString() };
  }
  return { headers, body: request.body };
}

/** What an Authorization header carries is a secret whatever the scheme: the value and its credential part. */
function rememberAuthorization(headers: Record<string, string>, secrets: SecretSet): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!/^authorization$|auth|api-?key|api-?token|secret/i.test(name)) continue;
    secrets.add(value);
    secrets.add(value.replace(/^\S+\s+/, ""));
  }
}

export type RequestOptions = { fetch: typeof fetch; timeoutMs: number; secrets: SecretSet };

/** Calls a provider once, with the channel's timeout; answers the reply or the classified failure. */
export async function requestProvider(request: ProviderRequest, options: RequestOptions): Promise<ProviderAnswer | SendFailure> {
  const { headers, body } = encode(request);
  rememberAuthorization(headers, options.secrets);
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(request.url, { method: request.method ?? "POST", headers, body, redirect: request.redirect ?? "follow", signal: AbortSignal.timeout(options.timeoutMs) });
    text = await response.text();
  } catch (error) {
    return networkFailure(error, options.timeoutMs);
  }
  const answer: ProviderAnswer = { ok: true, status: response.status, headers: response.headers, text, json: parseJson(text) };
  if (!response.ok && !request.accepts?.(answer)) return answerFailure(answer, request.refusal?.(answer), options.secrets);
  const inside = request.refusedInside?.(answer);
  return inside ? answerFailure(answer, inside, options.secrets) : answer;
}
