import type { SendContext } from "./channel-provider";

const sharedCache = new Map<string, unknown>();

/**
 * The context a provider sends with: a fetch that gives up after the channel's timeout (so a hung
 * provider cannot hold a dispatcher), the base URL, and the process-wide cache for OAuth tokens.
 */
export function createSendContext(options: { baseUrl: string | null; timeoutMs: number; cache?: Map<string, unknown>; fetch?: typeof fetch }): SendContext {
  const base = options.fetch ?? fetch;
  return {
    baseUrl: (options.baseUrl ?? "").replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs,
    cache: options.cache ?? sharedCache,
    fetch: (input, init) => {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      return base(input, { ...init, signal });
    },
  };
}
