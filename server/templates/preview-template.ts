import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type ChannelKind, templateVersions, templates } from "@/db/schema";
import { DomainError } from "../errors";
import { getStore } from "../settings/store-settings";
import { TemplateRenderError, TemplateSyntaxError } from "./render-liquid";
import { renderNotification } from "./render-notification";
import { sampleOrder } from "./sample-order";
import { type SmsSegmentCount, countSmsSegments } from "./sms-segments";

export type TemplatePreview = {
  templateId: string;
  channelKind: ChannelKind;
  locale: string;
  /** The version shown: the live one, else the newest; null when the template has no version. */
  version: number | null;
  live: boolean;
  result:
    | { ok: true; subject: string | null; text: string; html: string | null; sms: SmsSegmentCount | null }
    | { ok: false; error: string };
};

/**
 * A template rendered with a sample order (see sample-order.ts) in the template's locale and the store's
 * currency, exactly as the dispatcher renders it. A template that does not render gives its error, so a
 * page of previews still shows the others.
 */
export async function previewTemplate(db: Db, templateId: string, appUrl: string, now: Date = new Date()): Promise<TemplatePreview> {
  const [template] = await db.select().from(templates).where(eq(templates.id, templateId));
  if (!template) throw new DomainError("NOT_FOUND", "No such template.");
  const versions = await db.select().from(templateVersions).where(eq(templateVersions.templateId, templateId)).orderBy(desc(templateVersions.version));
  const version = versions.find((candidate) => candidate.id === template.liveVersionId) ?? versions[0];
  const base = { templateId, channelKind: template.channelKind, locale: template.locale, version: version?.version ?? null, live: Boolean(version && version.id === template.liveVersionId) };
  if (!version) return { ...base, result: { ok: false, error: "This template has no saved version yet." } };

  const store = await getStore(db);
  try {
    const rendered = await renderNotification({
      ...sampleOrder(store, { locale: template.locale, appUrl, now }),
      template: { subject: version.subject, body: version.body },
      channelKind: template.channelKind,
    });
    const sms = template.channelKind === "sms" ? countSmsSegments(rendered.text) : null;
    return { ...base, result: { ok: true, subject: rendered.subject, text: rendered.text, html: rendered.html, sms } };
  } catch (error) {
    if (error instanceof TemplateSyntaxError || error instanceof TemplateRenderError) return { ...base, result: { ok: false, error: error.message } };
    throw error;
  }
}
