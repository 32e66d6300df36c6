import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Notification, notifications } from "@/db/schema";
import type { ChannelProvider } from "../channels/channel-provider";
import { env } from "../env";
import { renderNotification } from "../templates/render-notification";
import { localePreferences } from "../templates/template-locale";
import { chooseTemplate } from "./choose-template";
import type { DispatchContext } from "./load-dispatch-context";
import { recipientKindOf, resolveRecipient } from "./resolve-recipient";

export type SnapshotResult = { ok: true; notification: Notification } | { ok: false; reason: string };

/**
 * Renders the message the first time the notification is claimed and stores the snapshot (recipient,
 * subject, text, HTML, variables): that is what the timeline shows as sent, and every retry sends exactly
 * it, even if the template or the order changes afterwards.
 */
export async function renderSnapshot(db: Db, context: DispatchContext, provider: ChannelProvider, workerId: string): Promise<SnapshotResult> {
  const { notification, channel, order, items, customer, store, step } = context;
  if (notification.renderedAt) return { ok: true, notification };
  if (!channel) return { ok: false, reason: "the channel was deleted" };

  const recipient = resolveRecipient(recipientKindOf(provider, channel.kind), customer, notification.recipient ?? step?.internalRecipient ?? null, channel.config);
  if (!recipient.ok) return { ok: false, reason: recipient.reason };

  let rendered;
  let templateVersionId: string | null = null;
  try {
    const preferences = localePreferences({ order, customer, store }, notification.audience);
    const template = await chooseTemplate(db, { stepTemplateId: step?.templateId ?? null, channelKind: channel.kind, preferences });
    templateVersionId = template.versionId;
    rendered = await renderNotification({ order, items, customer, store, template, kind: template.kind, audience: notification.audience, appUrl: env().APP_URL });
  } catch (error) {
    return { ok: false, reason: `the template could not be rendered: ${(error as Error).message}` };
  }
  const [updated] = await db
    .update(notifications)
    .set({ recipient: recipient.to, subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html, variables: rendered.variables, templateVersionId, renderedAt: new Date() })
    .where(and(eq(notifications.id, notification.id), eq(notifications.lockedBy, workerId)))
    .returning();
  if (!updated) return { ok: false, reason: "lost the claim while rendering" };
  return { ok: true, notification: updated };
}
