import type { Db } from "@/db/client";
import { type Channel, sandboxMessages } from "@/db/schema";
import { z } from "zod";
import { type Actor, recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { DomainError } from "../errors";
import type { OutboundMessage, SendResult } from "./channel-provider";
import { openChannelCredentials } from "./channel-credentials";
import { networkFailure } from "./http-failure";
import { requireChannel } from "./manage-channels";
import { providerFor } from "./registry";
import { createSendContext } from "./send-context";
import { sampleMessageFor } from "./test-message";

export const sendTestInput = z.object({
  channelId: z.uuid(),
  /** An email address, phone number, chat id… as the channel's provider expects. */
  to: z.string().trim().min(1, "Enter where the test message should go.").max(500),
});

export type TestSendOutcome = { ok: true; providerMessageId: string | null; latencyMs: number } | { ok: false; retryable: boolean; error: string; httpStatus: number | null; latencyMs: number };

/**
 * Sends a test message through a channel to a recipient typed in the form, with the channel's own
 * credentials, base URL and timeout, and reports the provider's answer or the classified error.
 */
export async function sendTestMessage(db: Db, actor: Actor, input: z.input<typeof sendTestInput>): Promise<TestSendOutcome> {
  const { channelId, to } = sendTestInput.parse(input);
  const channel = await requireChannel(db, channelId);
  const outcome = await deliverTestMessage(db, channel, { ...sampleMessageFor(channel, env().APP_URL), to });
  await recordAudit(db, actor, {
    action: "channel.test_sent",
    targetType: "channel",
    targetId: channel.id,
    details: { name: channel.name, to, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) },
  });
  return outcome;
}

/**
 * Sends one message through a channel now, outside the outbox (a test: nothing is retried or recorded
 * as a notification), and reports the provider's answer or the classified error. A sandbox channel
 * records it in the Sandbox inbox like any sandbox message.
 */
export async function deliverTestMessage(db: Db, channel: Channel, message: OutboundMessage): Promise<TestSendOutcome> {
  const provider = providerFor(channel.provider);
  if (!provider) throw new DomainError("BAD_REQUEST", `Unknown provider "${channel.provider}".`);
  const credentials = provider.credentialsSchema.safeParse(safeOpen(channel.id, channel.credentialsEncrypted));
  if (!credentials.success) throw new DomainError("BAD_REQUEST", `Credentials incomplete: ${credentials.error.issues[0]?.message}`, "credentials");
  const config = provider.configSchema.safeParse(channel.config);
  if (!config.success) throw new DomainError("BAD_REQUEST", `Settings incomplete: ${config.error.issues[0]?.message}`, "config");
  const context = {
    ...createSendContext({ baseUrl: channel.baseUrl ?? provider.defaultBaseUrl, timeoutMs: channel.timeoutMs }),
    sandbox: {
      record: async (sent: OutboundMessage) => {
        const [row] = await db
          .insert(sandboxMessages)
          .values({ channelId: channel.id, kind: channel.kind, recipient: sent.to, subject: sent.subject, text: sent.text, html: sent.html, idempotencyKey: sent.idempotencyKey })
          .returning({ id: sandboxMessages.id });
        return row!.id;
      },
    },
  };
  const started = Date.now();
  let result: SendResult;
  try {
    result = await provider.send(message, credentials.data as Record<string, unknown>, config.data as Record<string, unknown>, context);
  } catch (error) {
    result = networkFailure(error, channel.timeoutMs);
  }
  const latencyMs = Date.now() - started;
  return result.ok ? { ok: true, providerMessageId: result.providerMessageId, latencyMs } : { ok: false, retryable: result.retryable, error: result.error, httpStatus: result.httpStatus ?? null, latencyMs };
}

function safeOpen(channelId: string, sealed: string): Record<string, unknown> {
  try {
    return openChannelCredentials(channelId, sealed);
  } catch {
    return {};
  }
}
