import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { templateVersions, templates } from "@/db/schema";
import { type ShippedLanguage, languageOf, shippedLanguages } from "@/lib/i18n/order-labels";
import { type TemplateKind, templateKinds } from "@/lib/templates/template-kinds";
import { recordAudit } from "../audit/record-audit";
import { defaultTemplateName, defaultTemplateSets } from "./default-templates";

/**
 * Creates each shipped order confirmation (every template kind × English, Spanish, French, German,
 * Japanese) that the install does not have yet, with its first version live. A new install gets them all;
 * an upgraded one gets the kinds and languages it lacked. A language already covered by a regional
 * template ("en-US" covers "en") is left alone, and nothing a manager wrote is ever changed.
 */
export async function ensureDefaultTemplates(db: DbOrTx): Promise<number> {
  const existing = await db.select({ channelKind: templates.channelKind, locale: templates.locale }).from(templates).where(eq(templates.name, defaultTemplateName));
  const covered = new Set(existing.map((template) => `${template.channelKind}:${languageOf(template.locale)}`));
  const missing = shippedLanguages.flatMap((language) => templateKinds.filter((kind) => !covered.has(`${kind}:${language}`)).map((kind) => ({ language, kind })));
  if (!missing.length) return 0;
  // Three statements whatever the count: this runs at every start, and the first one seeds 25 templates.
  const created = await db
    .insert(templates)
    .values(missing.map(({ language, kind }) => ({ name: defaultTemplateName, channelKind: kind, locale: language })))
    // Another instance starting at the same moment created some first: those are left to it.
    .onConflictDoNothing({ target: [templates.name, templates.channelKind, templates.locale] })
    .returning({ id: templates.id, channelKind: templates.channelKind, locale: templates.locale });
  if (!created.length) return 0;
  const versions = await db
    .insert(templateVersions)
    .values(created.map((template) => ({ templateId: template.id, version: 1, ...defaultTemplateSets[template.locale as ShippedLanguage][template.channelKind as TemplateKind] })))
    .returning({ id: templateVersions.id, templateId: templateVersions.templateId });
  await db
    .update(templates)
    .set({ liveVersionId: sql`(select ${templateVersions.id} from ${templateVersions} where ${templateVersions.templateId} = ${templates.id} and ${templateVersions.version} = 1)` })
    .where(inArray(templates.id, versions.map((version) => version.templateId)));
  await recordAudit(db, null, { action: "template.defaults_added", targetType: "template", details: { name: defaultTemplateName, created: created.length } });
  return created.length;
}
