import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { templateVersions, users } from "@/db/schema";
import { type Page, offsetOf, pageOf } from "@/lib/pagination";
import { requireTemplate } from "./template-records";

export const listTemplateVersionsInput = z.object({
  templateId: z.uuid(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
});

export type TemplateVersionSummary = {
  id: string;
  version: number;
  live: boolean;
  subject: string | null;
  heading: string | null;
  body: string;
  footer: string | null;
  whatsappTemplate: (typeof templateVersions.$inferSelect)["whatsappTemplate"];
  createdAt: Date;
  /** Null for versions Orderbell created itself (the shipped defaults). */
  author: { name: string | null; email: string } | null;
};

/** A template's versions, newest first, with who saved each and when, and which one is live. */
export async function listTemplateVersions(db: Db, input: z.input<typeof listTemplateVersionsInput>): Promise<Page<TemplateVersionSummary>> {
  const { templateId, page, pageSize } = listTemplateVersionsInput.parse(input);
  const template = await requireTemplate(db, templateId);
  const [rows, [totals]] = await Promise.all([
    db
      .select({ version: templateVersions, authorName: users.name, authorEmail: users.email })
      .from(templateVersions)
      .leftJoin(users, eq(users.id, templateVersions.createdById))
      .where(eq(templateVersions.templateId, templateId))
      .orderBy(desc(templateVersions.version))
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
    db.select({ total: count() }).from(templateVersions).where(eq(templateVersions.templateId, templateId)),
  ]);
  const items = rows.map(({ version, authorName, authorEmail }) => ({
    id: version.id,
    version: version.version,
    live: version.id === template.liveVersionId,
    subject: version.subject,
    heading: version.heading,
    body: version.body,
    footer: version.footer,
    whatsappTemplate: version.whatsappTemplate,
    createdAt: version.createdAt,
    author: authorEmail ? { name: authorName, email: authorEmail } : null,
  }));
  return pageOf(items, totals?.total ?? 0, page, pageSize);
}
