import "server-only";
import type { Channel } from "@/db/schema";
import type { ChannelProvider, SendContext } from "../channels/channel-provider";
import { providerFor as registeredProvider } from "../channels/registry";
import { createSendContext } from "../channels/send-context";
import { openChannelCredentials } from "./channel-credentials";
import { issuesOf } from "./channel-field-errors";

/** Everything a send through one channel needs, validated: what dispatch, "send test" and callbacks use. */
export type PreparedSend = {
  ok: true;
  channel: Channel;
  provider: ChannelProvider;
  credentials: Record<string, unknown>;
  config: Record<string, unknown>;
  context: SendContext;
};

/** Why the channel cannot send; the provider when it is known (the timeline still renders for it). */
export type PrepareFailure = { ok: false; reason: string; field: "provider" | "credentials" | "config"; provider: ChannelProvider | null };

export type PrepareOptions = {
  providerFor?: (id: string) => ChannelProvider | null;
  fetch?: typeof fetch;
  cache?: Map<string, unknown>;
};

/**
 * Prepares sending through a channel: its provider, its credentials decrypted and checked against the
 * provider's schema, its settings checked, and the send context (base URL, timeout, secrets to redact).
 * Reads nothing but the channel row, so the result can be kept per channel and dropped when the row
 * changes (its updatedAt).
 */
export function prepareSend(channel: Channel, options: PrepareOptions = {}): PreparedSend | PrepareFailure {
  const provider = (options.providerFor ?? registeredProvider)(channel.provider);
  if (!provider) return { ok: false, field: "provider", provider: null, reason: `no provider "${channel.provider}" in this version of Orderbell` };
  let stored: unknown;
  try {
    stored = openChannelCredentials(channel.id, channel.credentialsEncrypted);
  } catch {
    return { ok: false, field: "credentials", provider, reason: `the credentials of ${channel.name} cannot be read (was APP_SECRET changed?): enter them again on the Channels page` };
  }
  const credentials = provider.credentialsSchema.safeParse(stored);
  if (!credentials.success) {
    return { ok: false, field: "credentials", provider, reason: `the credentials of ${channel.name} are missing or invalid (${issuesOf(credentials.error)}): check them on the Channels page` };
  }
  const config = provider.configSchema.safeParse(channel.config);
  if (!config.success) return { ok: false, field: "config", provider, reason: `the settings of ${channel.name} are invalid (${issuesOf(config.error)})` };
  const context = createSendContext({ baseUrl: channel.baseUrl ?? provider.defaultBaseUrl, timeoutMs: channel.timeoutMs, credentials: credentials.data, cache: options.cache, fetch: options.fetch });
  return { ok: true, channel, provider, credentials: credentials.data, config: config.data, context };
}
