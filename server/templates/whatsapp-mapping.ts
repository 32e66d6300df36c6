import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { type WhatsAppTemplateMapping, templateVersions } from "@/db/schema";
import { scalarVariableNames } from "@/lib/templates/variable-catalogue";
import type { ProviderTemplate } from "../channels/channel-provider";

/**
 * How a messaging template maps the order onto an approved WhatsApp template: outside the 24-hour customer
 * service window WhatsApp refuses free text and sends only templates approved in WhatsApp Manager, filled
 * positionally ({{1}}, {{2}}…). Names and language codes are as WhatsApp Manager shows them.
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
 */
export const whatsappMappingInput = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, "Template names are lowercase letters, digits and underscores, exactly as in WhatsApp Manager → Message templates."),
  languageCode: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, "Use the template's language code as WhatsApp Manager shows it, e.g. en_US, es, es_MX, ja."),
  bodyParameters: z
    .array(z.string().refine((name) => scalarVariableNames.includes(name), { error: "Choose each parameter from the variable list." }))
    .max(20, "Use at most 20 parameters."),
  /** The approved body as WhatsApp Manager shows it, with {{1}}, {{2}}…: only for the preview. */
  bodyText: z
    .string()
    .max(1024, "WhatsApp template bodies are at most 1,024 characters.")
    .nullish()
    .transform((text) => (text?.trim() ? text : null)),
});
export type WhatsAppMappingInput = z.input<typeof whatsappMappingInput>;

/** What dispatch puts on the outbound message for the WhatsApp adapter. */
export function providerTemplateOf(mapping: WhatsAppTemplateMapping | null | undefined): ProviderTemplate | null {
  return mapping ? { name: mapping.name, languageCode: mapping.languageCode, bodyParameters: mapping.bodyParameters } : null;
}

/** The WhatsApp template of the version a message was rendered from (versions never change). */
export async function loadProviderTemplate(db: DbOrTx, templateVersionId: string): Promise<ProviderTemplate | null> {
  const [version] = await db.select({ mapping: templateVersions.whatsappTemplate }).from(templateVersions).where(eq(templateVersions.id, templateVersionId));
  return providerTemplateOf(version?.mapping);
}

export type WhatsAppPreview = {
  name: string;
  languageCode: string;
  parameters: Array<{ position: number; variable: string; value: string }>;
  /** The approved body with its placeholders filled, when the manager pasted it. */
  filledBody: string | null;
  /** What WhatsApp would refuse: empty parameters, a count that does not match the body's placeholders. */
  warnings: string[];
};

/** The approved template filled with one order's values, as the customer would read it. */
export function previewWhatsAppTemplate(mapping: WhatsAppTemplateMapping, variables: Record<string, string>): WhatsAppPreview {
  const parameters = mapping.bodyParameters.map((variable, index) => ({ position: index + 1, variable, value: variables[variable] ?? "" }));
  const warnings: string[] = [];
  for (const parameter of parameters) {
    if (!parameter.value.trim()) warnings.push(`{{${parameter.position}}} (${parameter.variable}) is empty for this order, and WhatsApp refuses empty parameters.`);
  }
  let filledBody: string | null = null;
  if (mapping.bodyText) {
    const placeholders = [...new Set([...mapping.bodyText.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((match) => Number(match[1])))].sort((a, b) => a - b);
    const expected = placeholders.length ? Math.max(...placeholders) : 0;
    if (expected !== parameters.length) {
      warnings.push(`The approved body has ${expected} placeholder${expected === 1 ? "" : "s"} but ${parameters.length} parameter${parameters.length === 1 ? " is" : "s are"} mapped: WhatsApp refuses a count that does not match.`);
    }
    filledBody = mapping.bodyText.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, position: string) => parameters[Number(position) - 1]?.value ?? whole);
  }
  return { name: mapping.name, languageCode: mapping.languageCode, parameters, filledBody, warnings };
}
