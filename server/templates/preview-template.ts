import { z } from "zod";
import type { Db } from "@/db/client";
import type { TemplateKind } from "@/lib/templates/template-kinds";
import { type TemplateProblem, checkTemplate } from "./check-template";
import { orderForPreview } from "./order-for-preview";
import { TemplateRenderError, TemplateSyntaxError } from "./render-liquid";
import { type RenderedNotification, renderNotification } from "./render-notification";
import { type SmsEncodingChange, type SmsSegmentCount, countSmsSegments, smsEncodingChange } from "./sms-segments";
import { type VersionContent, contentOf } from "./template-content";
import { requireTemplate, versionOf } from "./template-records";
import { type WhatsAppPreview, previewWhatsAppTemplate, whatsappMappingInput } from "./whatsapp-mapping";

/** What the editor sends while the manager types: unchecked, so half-written content still previews. */
const draftInput = z.object({
  subject: z.string().max(1000).nullish(),
  heading: z.string().max(1000).nullish(),
  body: z.string().max(100_000),
  footer: z.string().max(2000).nullish(),
  whatsapp: z.object({ name: z.string().max(512), languageCode: z.string().max(20), bodyParameters: z.array(z.string().max(100)).max(20), bodyText: z.string().max(2000).nullish() }).nullish(),
});

export const previewTemplateInput = z.object({
  templateId: z.uuid(),
  /** The unsaved content; without it, the saved version `versionId` (else the newest) is shown. */
  draft: draftInput.optional(),
  versionId: z.uuid().optional(),
  /** What the draft is compared with for the SMS encoding warning: the version the editor opened. */
  baseVersionId: z.uuid().optional(),
  /** A real order's number; empty for the sample order. */
  orderNumber: z.string().trim().max(100).optional(),
});

export type TemplatePreviewResult = {
  template: { id: string; name: string; kind: TemplateKind; locale: string };
  order: { source: "sample" | "order"; number: string };
  /** Syntax errors and unknown variables, with line and column. */
  problems: TemplateProblem[];
  rendered: Pick<RenderedNotification, "subject" | "text" | "html" | "locale"> | null;
  /** Why it did not render (a syntax error, an empty message…). */
  renderError: string | null;
  sms: SmsSegmentCount | null;
  /** Set when the draft turned a GSM-7 SMS into UCS-2 (an emoji, a curly quote): it costs more. */
  encodingChange: SmsEncodingChange | null;
  whatsapp: WhatsAppPreview | null;
};

async function tryRender(render: () => Promise<RenderedNotification>): Promise<{ rendered: RenderedNotification | null; error: string | null }> {
  try {
    return { rendered: await render(), error: null };
  } catch (error) {
    if (error instanceof TemplateSyntaxError || error instanceof TemplateRenderError) return { rendered: null, error: error.message };
    throw error;
  }
}

/**
 * A template rendered as it will be sent, with the sample order or a real one: the draft being typed (or a
 * saved version), its problems with line and column, the SMS encoding and segment count (and whether the
 * draft made it UCS-2), and the approved WhatsApp template filled with the order's values.
 */
export async function previewTemplate(db: Db, input: z.input<typeof previewTemplateInput>, appUrl: string, now: Date = new Date()): Promise<TemplatePreviewResult> {
  const { templateId, draft, versionId, baseVersionId, orderNumber } = previewTemplateInput.parse(input);
  const template = await requireTemplate(db, templateId);
  const saved = draft ? null : await versionOf(db, templateId, versionId);
  const content: VersionContent | null = draft
    ? { subject: draft.subject ?? null, heading: draft.heading ?? null, body: draft.body, footer: draft.footer ?? null, whatsappTemplate: null }
    : saved && contentOf(saved);
  const order = await orderForPreview(db, { orderNumber, locale: template.locale, appUrl, now });
  const base = { template: { id: template.id, name: template.name, kind: template.kind, locale: template.locale }, order: { source: order.source, number: order.number } };
  if (!content) return { ...base, problems: [], rendered: null, renderError: "This template has no saved version yet.", sms: null, encodingChange: null, whatsapp: null };

  const render = (parts: VersionContent) => renderNotification({ ...order.input, template: { ...parts, locale: template.locale }, kind: template.kind });
  const problems = checkTemplate(content);
  const { rendered, error } = await tryRender(() => render(content));
  const sms = template.kind === "sms" && rendered ? countSmsSegments(rendered.text) : null;

  let encodingChange: SmsEncodingChange | null = null;
  if (sms && draft) {
    const baseline = await versionOf(db, templateId, baseVersionId ?? template.liveVersionId);
    const before = baseline ? (await tryRender(() => render(contentOf(baseline)))).rendered : null;
    if (before) encodingChange = smsEncodingChange(countSmsSegments(before.text), sms);
  }

  let whatsapp: WhatsAppPreview | null = null;
  const mapping = draft ? draft.whatsapp : saved?.whatsappTemplate;
  if (template.kind === "messaging" && mapping && rendered) {
    const parsed = whatsappMappingInput.safeParse(mapping);
    whatsapp = parsed.success
      ? previewWhatsAppTemplate(parsed.data, rendered.variables)
      : { name: mapping.name, languageCode: mapping.languageCode, parameters: [], filledBody: null, warnings: parsed.error.issues.map((issue) => issue.message) };
  }

  const shown = rendered && { subject: rendered.subject, text: rendered.text, html: rendered.html, locale: rendered.locale };
  return { ...base, problems, rendered: shown, renderError: error, sms, encodingChange, whatsapp };
}
