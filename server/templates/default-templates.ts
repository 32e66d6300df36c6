import { type ShippedLanguage, isShippedLanguage, languageOf } from "@/lib/i18n/order-labels";
import type { TemplateKind } from "@/lib/templates/template-kinds";
import type { DefaultTemplateSet, TemplateContent } from "./defaults/default-template-set";
import { german } from "./defaults/de";
import { english } from "./defaults/en";
import { spanish } from "./defaults/es";
import { french } from "./defaults/fr";
import { japanese } from "./defaults/ja";

export type { TemplateContent } from "./defaults/default-template-set";

/** The name of the order confirmation a new install starts with, in every kind and shipped language. */
export const defaultTemplateName = "Order confirmation";

/**
 * The order confirmation a new install starts with, per language (written for each language, not
 * translated word for word) and template kind. Seeded as version 1 of each template; also what a message
 * uses when no template of its kind exists at all.
 */
export const defaultTemplateSets: Record<ShippedLanguage, DefaultTemplateSet> = { en: english, es: spanish, fr: french, de: german, ja: japanese };

/** The shipped wording for a kind in a locale's language, else English. */
export function defaultContentFor(kind: TemplateKind, locale: string): TemplateContent {
  const language = languageOf(locale);
  return (isShippedLanguage(language) ? defaultTemplateSets[language] : english)[kind];
}
