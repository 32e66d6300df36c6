import { asc, count, eq, max } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type ChannelKind, templateVersions, templates } from "@/db/schema";

export type TemplateSummary = {
  id: string;
  name: string;
  channelKind: ChannelKind;
  locale: string;
  /** The live version's number; null when no version is live. */
  liveVersion: number | null;
  versionCount: number;
  /** The live version's content (Liquid). */
  subject: string | null;
  body: string | null;
  /** The later of the template's own change and its newest version. */
  updatedAt: Date;
};

/** Every template with its live version, by channel kind, name and locale. */
export async function listTemplates(db: DbOrTx): Promise<TemplateSummary[]> {
  const [rows, versionStats] = await Promise.all([
    db
      .select({ template: templates, live: { version: templateVersions.version, subject: templateVersions.subject, body: templateVersions.body } })
      .from(templates)
      .leftJoin(templateVersions, eq(templateVersions.id, templates.liveVersionId))
      .orderBy(asc(templates.channelKind), asc(templates.name), asc(templates.locale)),
    db
      .select({ templateId: templateVersions.templateId, versions: count(), newest: max(templateVersions.createdAt) })
      .from(templateVersions)
      .groupBy(templateVersions.templateId),
  ]);
  const statsOf = new Map(versionStats.map((stats) => [stats.templateId, stats]));
  return rows.map(({ template, live }) => {
    const stats = statsOf.get(template.id);
    const newest = stats?.newest ? new Date(stats.newest) : null;
    return {
      id: template.id,
      name: template.name,
      channelKind: template.channelKind,
      locale: template.locale,
      liveVersion: live?.version ?? null,
      versionCount: stats?.versions ?? 0,
      subject: live?.subject ?? null,
      body: live?.body ?? null,
      updatedAt: newest && newest > template.updatedAt ? newest : template.updatedAt,
    };
  });
}
