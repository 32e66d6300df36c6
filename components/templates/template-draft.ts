import type { TemplateKind } from "@/lib/templates/template-kinds";
import { hasSubject } from "@/lib/templates/template-kinds";
import type { WhatsAppDraft } from "./whatsapp-mapping-editor";

/** What the editor holds while the manager types: every part as text, "" for an empty one. */
export type Draft = { subject: string; heading: string; body: string; footer: string; whatsapp: WhatsAppDraft | null };
export type DraftPart = "subject" | "heading" | "body" | "footer";

type SavedContent = {
  subject: string | null;
  heading: string | null;
  body: string;
  footer: string | null;
  whatsappTemplate: { name: string; languageCode: string; bodyParameters: string[]; bodyText: string | null } | null;
};

export function draftOf(content: SavedContent | null): Draft {
  const whatsapp = content?.whatsappTemplate;
  return {
    subject: content?.subject ?? "",
    heading: content?.heading ?? "",
    body: content?.body ?? "",
    footer: content?.footer ?? "",
    whatsapp: whatsapp ? { ...whatsapp, bodyText: whatsapp.bodyText ?? "" } : null,
  };
}

/** The parts the template's kind has, as the API takes them (others left out, so nothing is refused). */
export function contentInput(kind: TemplateKind, draft: Draft) {
  return {
    body: draft.body,
    ...(hasSubject(kind) ? { subject: draft.subject } : {}),
    ...(kind === "email" ? { heading: draft.heading, footer: draft.footer } : {}),
    ...(kind === "messaging" ? { whatsapp: draft.whatsapp } : {}),
  };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
