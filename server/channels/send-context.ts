import "server-only";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "./channel-provider";
import { networkFailure, requestProvider, SecretSet } from "./provider-request";

const sharedCache = new Map<string, unknown>();

/**
 * The context a provider sends with: the one request path with the channel's timeout (so a hung provider
 * cannot hold a dispatcher), the base URL, the secrets no error may show, and the process-wide cache for
 * OAuth tokens and certificates.
 */
export function createSendContext(options: { baseUrl: string | null; timeoutMs: number; credentials?: unknown; cache?: Map<string, unknown>; fetch?: typeof fetch }): SendContext {
  const secrets = new SecretSet(options.credentials);
  const requestOptions = { fetch: options.fetch ?? fetch, timeoutMs: options.timeoutMs, secrets };
  return {
    baseUrl: (options.baseUrl ?? "").replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs,
    cache: options.cache ?? sharedCache,
    secrets,
    request: (request) => requestProvider(request, requestOptions),
  };
}

/**
 * Sends through a provider the way dispatch and "send test" both do: an adapter that throws (an SDK, a
 * socket, a bug) gives a retryable failure, its text redacted like any other.
 */
export async function sendThrough<C, K>(provider: ChannelProvider<C, K>, message: OutboundMessage, credentials: C, config: K, context: SendContext): Promise<SendResult> {
  try {
    const result = await provider.send(message, credentials, config, context);
    return result.ok ? result : { ...result, error: context.secrets.redact(result.error) };
  } catch (error) {
    const failure = networkFailure(error, context.timeoutMs);
    return { ...failure, error: context.secrets.redact(failure.error) };
  }
}
