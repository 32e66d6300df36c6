import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { templateVersions, templates } from "@/db/schema";
import { languageOf, shippedLanguages } from "@/lib/i18n/order-labels";
import { templateKinds } from "@/lib/templates/template-kinds";
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
  let created = 0;
  for (const language of shippedLanguages) {
    for (const kind of templateKinds) {
      if (covered.has(`${kind}:${language}`)) continue;
      const [template] = await db
        .insert(templates)
        .values({ name: defaultTemplateName, channelKind: kind, locale: language })
        .onConflictDoNothing({ target: [templates.name, templates.channelKind, templates.locale] })
        .returning({ id: templates.id });
      // Another instance starting at the same moment created it first.
      if (!template) continue;
      const content = defaultTemplateSets[language][kind];
      const [version] = await db.insert(templateVersions).values({ templateId: template.id, version: 1, ...content }).returning({ id: templateVersions.id });
      await db.update(templates).set({ liveVersionId: version!.id }).where(eq(templates.id, template.id));
      created += 1;
    }
  }
  if (created > 0) await recordAudit(db, null, { action: "template.defaults_added", targetType: "template", details: { name: defaultTemplateName, created } });
  return created;
}
