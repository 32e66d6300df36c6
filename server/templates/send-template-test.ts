import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { templateFitsChannel, templateKindLabel } from "@/lib/templates/template-kinds";
import { type Actor, recordAudit } from "../audit/record-audit";
import type { OutboundMessage } from "../channels/channel-provider";
import { requireChannel } from "../channel-management/manage-channels";
import { type TestSendOutcome, deliverTestMessage } from "../channel-management/send-test-message";
import { outboundOrderOf } from "../dispatch/outbound-order";
import { env } from "../env";
import { DomainError } from "../errors";
import { receiptUrl } from "../receipts/receipt-url";
import { orderForPreview } from "./order-for-preview";
import { renderNotification } from "./render-notification";
import { assertSendable } from "./save-template-version";
import { completeContent, contentOf, templateContentInput } from "./template-content";
import { requireTemplate, versionOf } from "./template-records";
import { providerTemplateOf } from "./whatsapp-mapping";

export const sendTemplateTestInput = z.object({
  templateId: z.uuid(),
  /** The content in the editor; without it, the saved version `versionId` (else the newest). */
  draft: templateContentInput.optional(),
  versionId: z.uuid().optional(),
  channelId: z.uuid(),
  /** An email address, phone number, chat id… as the channel's provider expects. */
  to: z.string().trim().min(1, "Enter where the test should go.").max(500),
  orderNumber: z.string().trim().max(100).optional(),
});

/**
 * Sends the template, rendered with the sample order or a real one, through a channel of its kind to a
 * typed-in recipient, as a test: the subject says so, nothing is recorded on the order, and the attempt
 * is audited with the provider's answer.
 */
export async function sendTemplateTest(db: Db, actor: Actor, input: z.input<typeof sendTemplateTestInput>): Promise<TestSendOutcome> {
  const { templateId, draft, versionId, channelId, to, orderNumber } = sendTemplateTestInput.parse(input);
  const template = await requireTemplate(db, templateId);
  const channel = await requireChannel(db, channelId);
  if (!templateFitsChannel(template.kind, channel.kind)) {
    throw new DomainError("BAD_REQUEST", `“${channel.name}” is a ${channel.kind} channel; a ${templateKindLabel[template.kind]} template needs a channel of its own kind.`, "channelId");
  }
  const saved = await versionOf(db, templateId, versionId);
  const content = draft ? completeContent(template.kind, draft, saved && contentOf(saved)) : saved && contentOf(saved);
  if (!content) throw new DomainError("BAD_REQUEST", "Save the template before sending a test.");
  await assertSendable(db, template, content);

  const { APP_URL } = env();
  const { input: order } = await orderForPreview(db, { orderNumber, locale: template.locale, appUrl: APP_URL });
  const rendered = await renderNotification({ ...order, template: { ...content, locale: template.locale }, kind: template.kind });
  const receipt = receiptUrl(APP_URL, order.order.receiptToken);
  const message: Omit<OutboundMessage, "to"> = {
    subject: rendered.subject === null ? null : `[Test] ${rendered.subject}`,
    text: rendered.text,
    html: rendered.html,
    variables: rendered.variables,
    providerTemplate: providerTemplateOf(content.whatsappTemplate),
    // A test has no order row: the sample (or a copy of the real order) gets an id of its own.
    order: outboundOrderOf({ ...order.order, id: randomUUID() }, order.items, order.customer, receipt, order.store.defaultLocale),
    idempotencyKey: `template-test:${templateId}:${randomUUID()}`,
    statusCallbackUrl: `${APP_URL}/api/status/${channel.id}`,
  };
  const { to: checked, outcome } = await deliverTestMessage(db, channel, to, message);
  await recordAudit(db, actor, {
    action: "template.test_sent",
    targetType: "template",
    targetId: templateId,
    details: { name: template.name, kind: template.kind, locale: template.locale, channel: channel.name, to: checked, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) },
  });
  return outcome;
}
