import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { templates } from "@/db/schema";
import { type Actor, recordAudit } from "../audit/record-audit";
import { assertSendable } from "./save-template-version";
import { contentOf } from "./template-content";
import { requireTemplate, requireVersion } from "./template-records";

export const publishTemplateInput = z.object({ versionId: z.uuid() });

export type PublishResult = { templateId: string; versionId: string; version: number; previousVersion: number | null; rolledBack: boolean };

/**
 * Makes a version the template's live one; the version live before stops being live (one live version per
 * template, the column says it). Publishing an older version than the live one is a roll back. Either is
 * audited with both version numbers; publishing the live version again changes nothing.
 */
export async function publishTemplateVersion(db: Db, actor: Actor, input: z.input<typeof publishTemplateInput>): Promise<PublishResult> {
  const { versionId } = publishTemplateInput.parse(input);
  const version = await requireVersion(db, versionId);
  const template = await requireTemplate(db, version.templateId);
  await assertSendable(db, template, contentOf(version));
  return db.transaction(async (tx) => {
    const locked = await requireTemplate(tx, version.templateId, { lock: true });
    const previous = locked.liveVersionId ? await requireVersion(tx, locked.liveVersionId) : null;
    const result = { templateId: locked.id, versionId, version: version.version, previousVersion: previous?.version ?? null, rolledBack: previous !== null && version.version < previous.version };
    if (previous?.id === versionId) return result;
    await tx.update(templates).set({ liveVersionId: versionId, updatedAt: new Date() }).where(eq(templates.id, locked.id));
    await recordAudit(tx, actor, {
      action: result.rolledBack ? "template.rolled_back" : "template.published",
      targetType: "template",
      targetId: locked.id,
      details: { name: locked.name, kind: locked.kind, locale: locked.locale, version: version.version, previousVersion: result.previousVersion },
    });
    return result;
  });
}

