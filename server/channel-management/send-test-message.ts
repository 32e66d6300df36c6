import "server-only";
import type { Db } from "@/db/client";
import { type Channel, sandboxMessages } from "@/db/schema";
import { checkRecipient } from "@/lib/validation/recipient";
import { z } from "zod";
import { type Actor, recordAudit } from "../audit/record-audit";
import type { OutboundMessage } from "../channels/channel-provider";
import { sendThrough } from "../channels/send-context";
import { recipientKindOf } from "../dispatch/resolve-recipient";
import { env } from "../env";
import { DomainError } from "../errors";
import { getStore } from "../settings/store-settings";
import { requireChannel } from "./manage-channels";
import { prepareSend } from "./prepare-send";
import { sampleMessageFor } from "./test-message";

export const sendTestInput = z.object({
  channelId: z.uuid(),
  /** An email address, phone number, chat id… as the channel's provider expects. */
  to: z.string().trim().min(1, "Enter where the test message should go.").max(500),
});

export type TestSendOutcome = { ok: true; providerMessageId: string | null; latencyMs: number } | { ok: false; retryable: boolean; error: string; httpStatus: number | null; latencyMs: number };

/**
 * Sends a test message through a channel to a recipient typed in the form, prepared exactly as dispatch
 * prepares a send (prepareSend: credentials, settings, base URL, timeout), and reports the provider's
 * answer or the classified error. The recipient is checked first, the way an order's contact is.
 */
export async function sendTestMessage(db: Db, actor: Actor, input: z.input<typeof sendTestInput>): Promise<TestSendOutcome> {
  const { channelId, to: typed } = sendTestInput.parse(input);
  const channel = await requireChannel(db, channelId);
  const { to, outcome } = await deliverTestMessage(db, channel, typed, sampleMessageFor(channel, env().APP_URL));
  await recordAudit(db, actor, {
    action: "channel.test_sent",
    targetType: "channel",
    targetId: channel.id,
    details: { name: channel.name, to, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) },
  });
  return outcome;
}

/**
 * Sends one message through a channel now, outside the outbox (a test: nothing is retried or recorded as
 * a notification): the channel prepared as dispatch prepares it, the typed recipient checked the way an
 * order's contact is. A sandbox channel records it in the Sandbox inbox like any sandbox message.
 */
export async function deliverTestMessage(db: Db, channel: Channel, typed: string, message: Omit<OutboundMessage, "to">): Promise<{ to: string; outcome: TestSendOutcome }> {
  const prepared = prepareSend(channel);
  if (!prepared.ok) throw new DomainError("BAD_REQUEST", prepared.reason.replace(/^./, (first) => first.toUpperCase()), prepared.field);
  const store = await getStore(db);
  const recipient = checkRecipient(recipientKindOf(prepared.provider, channel.kind), typed, store.defaultCountry);
  if (!recipient.ok) throw new DomainError("BAD_REQUEST", recipient.reason, "to");

  const sandbox = {
    record: async (sent: OutboundMessage) => {
      const [row] = await db
        .insert(sandboxMessages)
        .values({ channelId: channel.id, kind: channel.kind, recipient: sent.to, subject: sent.subject, text: sent.text, html: sent.html, idempotencyKey: sent.idempotencyKey })
        .returning({ id: sandboxMessages.id });
      return row!.id;
    },
  };
  const started = Date.now();
  const result = await sendThrough(prepared.provider, { ...message, to: recipient.to }, prepared.credentials, prepared.config, { ...prepared.context, sandbox });
  const latencyMs = Date.now() - started;
  const outcome: TestSendOutcome = result.ok
    ? { ok: true, providerMessageId: result.providerMessageId, latencyMs }
    : { ok: false, retryable: result.retryable, error: result.error, httpStatus: result.httpStatus ?? null, latencyMs };
  return { to: recipient.to, outcome };
}
