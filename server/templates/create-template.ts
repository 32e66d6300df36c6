import { z } from "zod";
import type { Db } from "@/db/client";
import { templateVersions, templates } from "@/db/schema";
import { templateKinds } from "@/lib/templates/template-kinds";
import { isValidLocale } from "@/lib/validation/store-settings";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError, isUniqueViolation } from "../errors";
import { defaultContentFor } from "./default-templates";
import { contentOf } from "./template-content";
import { requireTemplate, versionOf } from "./template-records";

export const createTemplateInput = z.object({
  name: z.string().trim().min(1, "Give the template a name.").max(100, "Use at most 100 characters."),
  channelKind: z.enum(templateKinds),
  locale: z
    .string()
    .trim()
    .transform((locale) => locale.replace(/_/g, "-"))
    .refine(isValidLocale, "Use a locale such as es, es-MX, fr-FR or ja."),
  /** Start from this template's newest version (same kind); else from the shipped wording for the language. */
  copyFromTemplateId: z.uuid().optional(),
});

/**
 * A new template (another language of an existing one, or a new message), starting as version 1. Nothing
 * sends it until a manager publishes a version: until then messages fall back as before.
 */
export async function createTemplate(db: Db, actor: Actor, input: z.input<typeof createTemplateInput>): Promise<{ templateId: string; versionId: string }> {
  const { name, channelKind, locale, copyFromTemplateId } = createTemplateInput.parse(input);
  let content = { ...defaultContentFor(channelKind, locale), whatsappTemplate: null as ReturnType<typeof contentOf>["whatsappTemplate"] };
  if (copyFromTemplateId) {
    const source = await requireTemplate(db, copyFromTemplateId);
    if (source.kind !== channelKind) throw new DomainError("BAD_REQUEST", "Copy from a template of the same kind.", "copyFromTemplateId");
    const newest = await versionOf(db, source.id);
    if (newest) content = contentOf(newest);
  }
  try {
    return await db.transaction(async (tx) => {
      const [template] = await tx.insert(templates).values({ name, channelKind, locale }).returning({ id: templates.id });
      const [version] = await tx.insert(templateVersions).values({ templateId: template!.id, version: 1, ...content, createdById: actor?.id ?? null }).returning({ id: templateVersions.id });
      await recordAudit(tx, actor, { action: "template.created", targetType: "template", targetId: template!.id, details: { name, kind: channelKind, locale } });
      return { templateId: template!.id, versionId: version!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", `“${name}” already exists for ${channelKind} in ${locale}.`, "locale");
    throw error;
  }
}
