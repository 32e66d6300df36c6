import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels, templates } from "@/db/schema";
import { templateFitsChannel } from "@/lib/templates/template-kinds";
import { defaultContentFor } from "./default-templates";
import { contentOf } from "./template-content";
import { requireTemplate, versionOf } from "./template-records";

/**
 * What the editor opens with: the template, the content of its newest version (drafts included) and which
 * version is live, its other languages, and the channels a test can go through (those of its kind).
 */
export async function getTemplateEditor(db: Db, templateId: string) {
  const template = await requireTemplate(db, templateId);
  const [newest, live, siblings, channelRows] = await Promise.all([
    versionOf(db, templateId),
    template.liveVersionId ? versionOf(db, templateId, template.liveVersionId) : Promise.resolve(null),
    db
      .select({ id: templates.id, locale: templates.locale })
      .from(templates)
      .where(and(eq(templates.name, template.name), eq(templates.channelKind, template.channelKind)))
      .orderBy(asc(templates.locale)),
    db.select({ id: channels.id, name: channels.name, kind: channels.kind, provider: channels.provider, enabled: channels.enabled }).from(channels).where(isNull(channels.deletedAt)).orderBy(asc(channels.name)),
  ]);
  return {
    template: { id: template.id, name: template.name, kind: template.kind, locale: template.locale },
    version: newest && { id: newest.id, version: newest.version, live: newest.id === template.liveVersionId, createdAt: newest.createdAt, ...contentOf(newest) },
    live: live && { id: live.id, version: live.version },
    languages: siblings,
    /** What an empty subject, heading or footer falls back to, in the template's language. */
    defaults: defaultContentFor(template.kind, template.locale),
    channels: channelRows.filter((channel) => templateFitsChannel(template.kind, channel.kind)),
  };
}

export type TemplateEditorData = Awaited<ReturnType<typeof getTemplateEditor>>;
