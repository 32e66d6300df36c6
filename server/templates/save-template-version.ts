import { eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { templateVersions } from "@/db/schema";
import { type Actor, recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { DomainError } from "../errors";
import { getStore } from "../settings/store-settings";
import { checkTemplate } from "./check-template";
import { TemplateRenderError } from "./render-liquid";
import { renderNotification } from "./render-notification";
import { sampleOrder } from "./sample-order";
import { type VersionContent, completeContent, contentOf, templateContentInput } from "./template-content";
import { type TemplateRecord, requireTemplate, versionOf } from "./template-records";

export const saveTemplateInput = templateContentInput.extend({ templateId: z.uuid() });

/**
 * Refuses content that would fail at send time: a syntax error or an unknown variable (with line and
 * column), or a render that fails with the sample order (an empty SMS, a runaway loop…).
 */
export async function assertSendable(db: Db, template: TemplateRecord, content: VersionContent): Promise<void> {
  const [problem] = checkTemplate(content);
  if (problem) throw new DomainError("BAD_REQUEST", problem.message, problem.part);
  const order = sampleOrder(await getStore(db), { locale: template.locale, appUrl: env().APP_URL });
  try {
    await renderNotification({ ...order, template: { ...content, locale: template.locale }, kind: template.kind });
  } catch (error) {
    if (error instanceof TemplateRenderError) throw new DomainError("BAD_REQUEST", error.message, error.part);
    throw error;
  }
}

/**
 * Saves the content as the template's next version, by `actor`, without publishing it. Parts left out
 * keep their value from the newest version. Refused with BAD_REQUEST (line and column in the message) when
 * it would not render.
 */
export async function saveTemplateVersion(db: Db, actor: Actor, input: z.input<typeof saveTemplateInput>): Promise<{ versionId: string; version: number }> {
  const { templateId, ...given } = saveTemplateInput.parse(input);
  const template = await requireTemplate(db, templateId);
  const newest = await versionOf(db, templateId);
  const content = completeContent(template.kind, given, newest && contentOf(newest));
  await assertSendable(db, template, content);
  return db.transaction(async (tx) => {
    // The lock serialises concurrent saves of one template, so each gets the next number.
    await requireTemplate(tx, templateId, { lock: true });
    const [{ highest } = { highest: 0 }] = await tx.select({ highest: max(templateVersions.version) }).from(templateVersions).where(eq(templateVersions.templateId, templateId));
    const number = (highest ?? 0) + 1;
    const [created] = await tx.insert(templateVersions).values({ templateId, version: number, ...content, createdById: actor?.id ?? null }).returning({ id: templateVersions.id });
    await recordAudit(tx, actor, {
      action: "template.saved",
      targetType: "template",
      targetId: templateId,
      details: { name: template.name, kind: template.kind, locale: template.locale, version: number },
    });
    return { versionId: created!.id, version: number };
  });
}
