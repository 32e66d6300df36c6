import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type ChannelKind, templateVersions, templates } from "@/db/schema";
import { defaultTemplates } from "../templates/default-templates";

/** `versionId` is the live version rendered, null for the built-in default. */
export type TemplateContent = { subject: string | null; body: string; source: string; versionId: string | null };

/** Channel kinds whose messages are emails, or carry a subject and rich text (tickets, CRM records). */
const emailLike = new Set<ChannelKind>(["email", "crm", "support", "webhook"]);

/**
 * The template for a message: the step's own when it fits the channel, else the template of the same name
 * for the channel's kind (in the order's locale, else any), else any live template for that kind, else the
 * built-in default. A step whose email channel fell back to SMS thus gets the SMS wording, not the email's.
 */
export async function chooseTemplate(tx: DbOrTx, input: { stepTemplateId: string | null; channelKind: ChannelKind; locale: string | null }): Promise<TemplateContent> {
  const wanted: ChannelKind = emailLike.has(input.channelKind) ? "email" : input.channelKind === "messaging" || input.channelKind === "chat" ? input.channelKind : "sms";
  const live = await tx
    .select({ id: templates.id, versionId: templateVersions.id, name: templates.name, channelKind: templates.channelKind, locale: templates.locale, subject: templateVersions.subject, body: templateVersions.body })
    .from(templates)
    .innerJoin(templateVersions, eq(templateVersions.id, templates.liveVersionId))
    .where(and(isNotNull(templates.liveVersionId)));
  const fits = (kind: ChannelKind) => kind === input.channelKind || kind === wanted || (!emailLike.has(input.channelKind) && !emailLike.has(kind) && kind === "sms");
  const step = live.find((template) => template.id === input.stepTemplateId);
  const candidates = [
    step && fits(step.channelKind) ? step : undefined,
    step ? live.find((template) => template.name === step.name && fits(template.channelKind) && template.locale === input.locale) : undefined,
    step ? live.find((template) => template.name === step.name && fits(template.channelKind)) : undefined,
    live.find((template) => fits(template.channelKind) && template.locale === input.locale),
    live.find((template) => fits(template.channelKind)),
  ];
  const chosen = candidates.find(Boolean);
  if (chosen) return { subject: chosen.subject, body: chosen.body, source: `${chosen.name} (${chosen.channelKind}, ${chosen.locale})`, versionId: chosen.versionId };
  const builtIn = emailLike.has(input.channelKind) ? defaultTemplates.email : defaultTemplates.sms;
  return { subject: builtIn.subject, body: builtIn.body, source: "built-in default", versionId: null };
}
