import { and, asc, count, eq, ilike, inArray, max, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { templateVersions, templates } from "@/db/schema";
import { escapeLike } from "@/db/escape-like";
import { type Page, offsetOf, pageOf } from "@/lib/pagination";
import { type TemplateKind, templateKindFor, templateKinds } from "@/lib/templates/template-kinds";

export const listTemplatesInput = z.object({
  /** Part of the name or the locale. */
  search: z.string().trim().max(100).optional(),
  channelKind: z.enum(templateKinds).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});

export type TemplateSummary = {
  id: string;
  name: string;
  channelKind: TemplateKind;
  locale: string;
  /** The live version's number; null when no version is live. */
  liveVersion: number | null;
  versionCount: number;
  /** The newest version's number, when it is newer than the live one (an unpublished draft). */
  draftVersion: number | null;
  /** The later of the template's own change and its newest version. */
  updatedAt: Date;
};

/** Kinds in the order people think of them (email, SMS, messaging, chat, notes), not alphabetically. */
const kindOrder = sql`array_position(array['email', 'sms', 'messaging', 'chat', 'crm', 'support', 'webhook']::text[], ${templates.channelKind})`;

/** Templates by name, channel kind and locale, with their live version, filtered and a page at a time. */
export async function listTemplates(db: DbOrTx, input: z.input<typeof listTemplatesInput> = {}): Promise<Page<TemplateSummary>> {
  const { search, channelKind, page, pageSize } = listTemplatesInput.parse(input);
  const filters: SQL[] = [];
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    filters.push(or(ilike(templates.name, pattern), ilike(templates.locale, pattern))!);
  }
  if (channelKind) filters.push(channelKind === "crm" ? inArray(templates.channelKind, ["crm", "support", "webhook"]) : eq(templates.channelKind, channelKind));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select({ template: templates, liveVersion: templateVersions.version })
      .from(templates)
      .leftJoin(templateVersions, eq(templateVersions.id, templates.liveVersionId))
      .where(where)
      .orderBy(asc(templates.name), kindOrder, asc(templates.locale))
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
    db.select({ total: count() }).from(templates).where(where),
  ]);
  const ids = rows.map((row) => row.template.id);
  const stats = ids.length
    ? await db
        .select({ templateId: templateVersions.templateId, versions: count(), newest: max(templateVersions.version), newestAt: max(templateVersions.createdAt) })
        .from(templateVersions)
        .where(inArray(templateVersions.templateId, ids))
        .groupBy(templateVersions.templateId)
    : [];
  const statsOf = new Map(stats.map((row) => [row.templateId, row]));
  const items = rows.map(({ template, liveVersion }) => {
    const stat = statsOf.get(template.id);
    const newestAt = stat?.newestAt ? new Date(stat.newestAt) : null;
    const newest = stat?.newest ?? null;
    return {
      id: template.id,
      name: template.name,
      channelKind: templateKindFor(template.channelKind),
      locale: template.locale,
      liveVersion: liveVersion ?? null,
      versionCount: stat?.versions ?? 0,
      draftVersion: newest !== null && newest !== liveVersion ? newest : null,
      updatedAt: newestAt && newestAt > template.updatedAt ? newestAt : template.updatedAt,
    };
  });
  return pageOf(items, totals?.total ?? 0, page, pageSize);
}
