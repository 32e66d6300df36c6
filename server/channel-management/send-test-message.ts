import "server-only";
import type { Db } from "@/db/client";
import { sandboxMessages } from "@/db/schema";
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
  const prepared = prepareSend(channel);
  if (!prepared.ok) throw new DomainError("BAD_REQUEST", prepared.reason.replace(/^./, (first) => first.toUpperCase()), prepared.field);
  const store = await getStore(db);
  const recipient = checkRecipient(recipientKindOf(prepared.provider, channel.kind), typed, store.defaultCountry);
  if (!recipient.ok) throw new DomainError("BAD_REQUEST", recipient.reason, "to");

  const message: OutboundMessage = { ...sampleMessageFor(channel, env().APP_URL), to: recipient.to };
  // A sandbox test lands in the Sandbox inbox like any sandbox message, so the admin can look at it.
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
  const result = await sendThrough(prepared.provider, message, prepared.credentials, prepared.config, { ...prepared.context, sandbox });
  const latencyMs = Date.now() - started;
  await recordAudit(db, actor, {
    action: "channel.test_sent",
    targetType: "channel",
    targetId: channel.id,
    details: { name: channel.name, to: recipient.to, ok: result.ok, ...(result.ok ? {} : { error: result.error }) },
  });
  return result.ok ? { ok: true, providerMessageId: result.providerMessageId, latencyMs } : { ok: false, retryable: result.retryable, error: result.error, httpStatus: result.httpStatus ?? null, latencyMs };
}
