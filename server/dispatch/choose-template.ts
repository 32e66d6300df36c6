import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type ChannelKind, type WhatsAppTemplateMapping, templateVersions, templates } from "@/db/schema";
import { isShippedLanguage, languageOf } from "@/lib/i18n/order-labels";
import { type TemplateKind, templateKindFor } from "@/lib/templates/template-kinds";
import { type TemplateContent, defaultContentFor, defaultTemplateName } from "../templates/default-templates";
import { fallbackLocale, pickByLocale } from "../templates/template-locale";

/** What a message is rendered from. `versionId` is the live version's, null for the built-in default. */
export type ChosenTemplate = TemplateContent & {
  kind: TemplateKind;
  locale: string;
  whatsapp: WhatsAppTemplateMapping | null;
  source: string;
  versionId: string | null;
};

/**
 * The template for a message through a channel of `channelKind`:
 * 1. the family: the step's template name (in the channel's template kind), else the default
 *    "Order confirmation", else any template of that kind;
 * 2. its locale: the first of `preferences` (order → store default → English, see localePreferences) that
 *    one of the family's live templates is written in, by exact locale, else by language;
 * 3. nothing live of that kind at all: the shipped default in the best shipped language.
 * A step whose email channel fell back to SMS thus gets the SMS wording, in the customer's language.
 */
export async function chooseTemplate(tx: DbOrTx, input: { stepTemplateId: string | null; channelKind: ChannelKind; preferences: string[] }): Promise<ChosenTemplate> {
  const kind = templateKindFor(input.channelKind);
  const live = await tx
    .select({
      id: templates.id,
      name: templates.name,
      locale: templates.locale,
      versionId: templateVersions.id,
      subject: templateVersions.subject,
      heading: templateVersions.heading,
      body: templateVersions.body,
      footer: templateVersions.footer,
      whatsapp: templateVersions.whatsappTemplate,
    })
    .from(templates)
    .innerJoin(templateVersions, eq(templateVersions.id, templates.liveVersionId))
    .where(and(eq(templates.channelKind, kind), isNotNull(templates.liveVersionId)));

  let familyName = input.stepTemplateId ? live.find((template) => template.id === input.stepTemplateId)?.name : undefined;
  if (!familyName && input.stepTemplateId) {
    // The step's template is not live, or is of another kind (a fallback channel): its name still says which.
    const [step] = await tx.select({ name: templates.name }).from(templates).where(eq(templates.id, input.stepTemplateId));
    familyName = step?.name;
  }
  const named = (name: string | undefined) => live.filter((template) => template.name === name);
  const family = [named(familyName), named(defaultTemplateName), live].find((candidates) => candidates.length > 0) ?? [];
  const chosen = pickByLocale(family, input.preferences) ?? family[0];
  if (chosen) {
    const { versionId, name, locale, subject, heading, body, footer, whatsapp } = chosen;
    return { kind, locale, subject, heading, body, footer, whatsapp, versionId, source: `${name} (${kind}, ${locale})` };
  }
  const locale = input.preferences.find((candidate) => isShippedLanguage(languageOf(candidate))) ?? fallbackLocale;
  return { kind, locale, ...defaultContentFor(kind, locale), whatsapp: null, versionId: null, source: "built-in default" };
}
