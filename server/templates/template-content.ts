import { z } from "zod";
import type { TemplateVersion, WhatsAppTemplateMapping } from "@/db/schema";
import { type TemplateKind, hasSubject, templateKindLabel } from "@/lib/templates/template-kinds";
import { DomainError } from "../errors";
import { defaultLiquidLimits } from "./render-liquid";
import { whatsappMappingInput } from "./whatsapp-mapping";

const liquidText = (max: number, what: string) => z.string().max(max, `${what} is too long: use at most ${max.toLocaleString("en-US")} characters.`);

/**
 * The editable parts of a template version, as the editor and the API send them. `undefined` keeps the
 * part as it was in the newest version; `null` clears it (a cleared heading or footer uses the layout's
 * translated default).
 */
export const templateContentInput = z.object({
  subject: liquidText(1000, "The subject").nullish(),
  heading: liquidText(1000, "The heading").nullish(),
  body: liquidText(defaultLiquidLimits.parseLimit, "The message").refine((body) => body.trim() !== "", "Write the message: it cannot be empty."),
  footer: liquidText(2000, "The footer").nullish(),
  whatsapp: whatsappMappingInput.nullish(),
});
export type TemplateContentInput = z.input<typeof templateContentInput>;

/** A version's content, complete: what is stored and rendered. */
export type VersionContent = { subject: string | null; heading: string | null; body: string; footer: string | null; whatsappTemplate: WhatsAppTemplateMapping | null };

export function contentOf(version: Pick<TemplateVersion, "subject" | "heading" | "body" | "footer" | "whatsappTemplate">): VersionContent {
  return { subject: version.subject, heading: version.heading, body: version.body, footer: version.footer, whatsappTemplate: version.whatsappTemplate };
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value : null);

/**
 * The complete content of a new version: the given parts, the others kept from `previous`. A part the
 * template's kind does not have (a subject on an SMS) is refused rather than silently dropped.
 */
export function completeContent(kind: TemplateKind, input: z.output<typeof templateContentInput>, previous: VersionContent | null): VersionContent {
  const label = templateKindLabel[kind];
  const refuse = (part: string, field: string) => {
    throw new DomainError("BAD_REQUEST", `${label} templates have no ${part}.`, field);
  };
  if (!hasSubject(kind) && input.subject?.trim()) refuse("subject", "subject");
  if (kind !== "email" && input.heading?.trim()) refuse("heading", "heading");
  if (kind !== "email" && input.footer?.trim()) refuse("footer", "footer");
  if (kind !== "messaging" && input.whatsapp) refuse("WhatsApp template", "whatsapp");
  const keep = <T>(given: T | undefined, before: T | null | undefined): T | null => (given === undefined ? (before ?? null) : given);
  return {
    subject: hasSubject(kind) ? blankToNull(keep(input.subject, previous?.subject)) : null,
    heading: kind === "email" ? blankToNull(keep(input.heading, previous?.heading)) : null,
    body: input.body,
    footer: kind === "email" ? blankToNull(keep(input.footer, previous?.footer)) : null,
    whatsappTemplate: kind === "messaging" ? keep(input.whatsapp, previous?.whatsappTemplate) : null,
  };
}
