import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Template, type TemplateVersion, templateVersions, templates } from "@/db/schema";
import { type TemplateKind, templateKindFor } from "@/lib/templates/template-kinds";
import { DomainError } from "../errors";

export type TemplateRecord = Template & { kind: TemplateKind };

/** The template, with the template kind its channel kind takes; NOT_FOUND when there is none. */
export async function requireTemplate(db: DbOrTx, templateId: string, options: { lock?: boolean } = {}): Promise<TemplateRecord> {
  const query = db.select().from(templates).where(eq(templates.id, templateId));
  const [template] = options.lock ? await query.for("update") : await query;
  if (!template) throw new DomainError("NOT_FOUND", "No such template.");
  return { ...template, kind: templateKindFor(template.channelKind) };
}

export async function requireVersion(db: DbOrTx, versionId: string): Promise<TemplateVersion> {
  const [version] = await db.select().from(templateVersions).where(eq(templateVersions.id, versionId));
  if (!version) throw new DomainError("NOT_FOUND", "No such template version.");
  return version;
}

/** A version of this template by id, else the newest; null when the template has none. */
export async function versionOf(db: DbOrTx, templateId: string, versionId?: string | null): Promise<TemplateVersion | null> {
  if (versionId) {
    const version = await requireVersion(db, versionId);
    if (version.templateId !== templateId) throw new DomainError("BAD_REQUEST", "That version belongs to another template.");
    return version;
  }
  const [newest] = await db.select().from(templateVersions).where(eq(templateVersions.templateId, templateId)).orderBy(desc(templateVersions.version)).limit(1);
  return newest ?? null;
}
