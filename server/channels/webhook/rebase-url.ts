/**
 * Where to POST for providers whose whole URL is configured — Slack and Google Chat incoming webhooks and
 * Orderbell's own signed webhook — when a channel may also carry a base URL override.
 *
 * Without an override (the channel's base URL is empty or the provider's default) the URL goes out as
 * configured. With one (a relay in front of the provider, or a local fake in tests) the request goes to the
 * override's origin and path prefix, followed by the configured URL's path and query. The secret parts of
 * such URLs (Slack's /services/T…/B…/XXXX, Google Chat's key and token) are the path and query, so they
 * travel unchanged and only the host is swapped.
 */
export function rebaseUrl(configured: string, baseUrl: string, defaultBaseUrl: string | null): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (!base || base === defaultBaseUrl?.replace(/\/+$/, "")) return configured;
  const url = new URL(configured);
  return `${base}${url.pathname}${url.search}`;
}
