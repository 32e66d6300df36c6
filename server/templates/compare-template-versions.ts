import { diffLines } from "diff";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { TemplateVersion } from "@/db/schema";
import { DomainError } from "../errors";
import type { TemplatePart } from "./render-liquid";
import { requireTemplate, requireVersion } from "./template-records";

export const compareTemplateVersionsInput = z.object({ fromVersionId: z.uuid(), toVersionId: z.uuid() });

/** One row of a side-by-side comparison: a line on the left, on the right, or both when unchanged. */
export type ComparedLine = { text: string; change: "same" | "removed" | "added" };
export type ComparisonRow = { left: ComparedLine | null; right: ComparedLine | null };

export type ComparedPart = { part: TemplatePart | "whatsapp"; label: string; changed: boolean; rows: ComparisonRow[] };

function linesOf(value: string): string[] {
  const lines = value.replace(/\r\n?/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Lines side by side: removed lines paired with the added lines that replace them, row by row. */
export function sideBySide(before: string, after: string): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  let removed: string[] = [];
  const flush = (added: string[]) => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      const left = removed[index];
      const right = added[index];
      rows.push({ left: left === undefined ? null : { text: left, change: "removed" }, right: right === undefined ? null : { text: right, change: "added" } });
    }
    removed = [];
  };
  for (const change of diffLines(before, after)) {
    const lines = linesOf(change.value);
    if (change.removed) {
      removed.push(...lines);
    } else if (change.added) {
      flush(lines);
    } else {
      flush([]);
      for (const line of lines) rows.push({ left: { text: line, change: "same" }, right: { text: line, change: "same" } });
    }
  }
  flush([]);
  return rows;
}

function whatsappText(version: TemplateVersion): string {
  const mapping = version.whatsappTemplate;
  if (!mapping) return "";
  const parameters = mapping.bodyParameters.map((name, index) => `{{${index + 1}}} = ${name}`);
  return [`${mapping.name} (${mapping.languageCode})`, ...parameters, ...(mapping.bodyText ? ["", mapping.bodyText] : [])].join("\n");
}

/** Two versions of one template, part by part, side by side. */
export async function compareTemplateVersions(db: Db, input: z.input<typeof compareTemplateVersionsInput>) {
  const { fromVersionId, toVersionId } = compareTemplateVersionsInput.parse(input);
  const [from, to] = await Promise.all([requireVersion(db, fromVersionId), requireVersion(db, toVersionId)]);
  if (from.templateId !== to.templateId) throw new DomainError("BAD_REQUEST", "Compare two versions of the same template.");
  const template = await requireTemplate(db, from.templateId);
  const texts: Array<[ComparedPart["part"], string, string, string]> = [
    ["subject", "Subject", from.subject ?? "", to.subject ?? ""],
    ["heading", "Heading", from.heading ?? "", to.heading ?? ""],
    ["body", "Message", from.body, to.body],
    ["footer", "Footer", from.footer ?? "", to.footer ?? ""],
    ["whatsapp", "WhatsApp template", whatsappText(from), whatsappText(to)],
  ];
  const parts: ComparedPart[] = texts
    .filter(([, , before, after]) => before !== "" || after !== "")
    .map(([part, label, before, after]) => ({ part, label, changed: before !== after, rows: sideBySide(before, after) }));
  const summary = (version: TemplateVersion) => ({ id: version.id, version: version.version, live: version.id === template.liveVersionId, createdAt: version.createdAt });
  return { template: { id: template.id, name: template.name, kind: template.kind, locale: template.locale }, from: summary(from), to: summary(to), parts };
}
