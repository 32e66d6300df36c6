import { render } from "@react-email/render";
import { createElement } from "react";
import { type OrderLabels, fillLabel, orderLabelsFor } from "@/lib/i18n/order-labels";
import type { TemplateKind } from "@/lib/templates/template-kinds";
import { OrderConfirmationEmail, type OrderConfirmationEmailProps } from "@/emails/order-confirmation";
import { receiptUrl } from "../receipts/receipt-url";
import { type TemplateContent, defaultContentFor } from "./default-templates";
import { TemplateRenderError, renderLiquid } from "./render-liquid";
import { formattingLocale, localePreferences } from "./template-locale";
import { type FormattedOrder, type OrderMessageInput, buildTemplateVariables, flattenTemplateVariables, formatOrder } from "./template-variables";

export type RenderNotificationInput = OrderMessageInput & {
  /**
   * The version's parts (Liquid) and the template's locale. Subject: email and CRM notes; heading and
   * footer: email only; a null part takes the shipped default in the template's language.
   */
  template: Partial<TemplateContent> & { body: string; locale?: string | null };
  kind: TemplateKind;
  /** Who reads it: internal alerts are formatted in the store's locale, not the customer's. */
  audience?: "customer" | "internal";
};

export type RenderedNotification = {
  /** Email and CRM / support notes only; null for SMS, messaging and chat. */
  subject: string | null;
  /** The SMS/chat message itself, the note, or the plain-text part of an email. */
  text: string;
  /** The branded email (react-email); null for everything but email. */
  html: string | null;
  /** Scalar variables by dotted name, for OutboundMessage.variables. */
  variables: Record<string, string>;
  /** The locale money and dates were formatted in. */
  locale: string;
};

/** Trailing spaces off every line, at most one blank line in a row, no blank lines at the ends. */
function tidyText(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Intl puts no-break spaces in money and dates ("158,57 €", "1 234,00 $"). They are not in GSM-7, so one
 * would make a French or German SMS UCS-2 and cost up to twice as much; carriers show a plain space anyway.
 */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009]/g, " ");
}

/** HTML paragraphs from rendered HTML text: blank lines separate paragraphs, single newlines become <br>. */
function htmlParagraphs(html: string): string[] {
  return tidyText(html.replace(/\r\n?/g, "\n"))
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => paragraph.replace(/\n/g, "<br>\n"));
}

/** The plain-text part after the store's message: items, totals, delivery, receipt link, support. */
export function orderSummaryText(input: OrderMessageInput, formatted: FormattedOrder, labels: OrderLabels): string {
  const { order, store, appUrl } = input;
  const totals = formatted.totals;
  const title = fillLabel(labels.order, { number: order.number });
  const lines = [formatted.placedAt ? `${title} · ${fillLabel(labels.placed, { date: formatted.placedAt })}` : title, ""];
  for (const item of formatted.items) {
    lines.push(item.variant ? `${item.name} (${item.variant})` : item.name, `  ${item.quantity} × ${item.unitPrice} = ${item.lineTotal}`);
  }
  lines.push("");
  const rows = [
    [labels.subtotal, totals.subtotal],
    [labels.discounts, totals.discount],
    [labels.shipping, totals.shipping],
    [labels.tax, totals.tax],
    [labels.total, totals.total],
  ] as const;
  for (const [label, value] of rows) if (value !== null) lines.push(`${label}: ${value}`);
  lines.push("");
  if (formatted.deliveryEstimate) lines.push(`${labels.estimatedDelivery}: ${formatted.deliveryEstimate}`);
  lines.push(`${labels.viewReceipt}: ${receiptUrl(appUrl, order.receiptToken)}`);
  const support = [store.supportEmail, store.supportPhone].filter(Boolean).join(" · ");
  if (support) lines.push("", `${labels.questions} ${support}`);
  lines.push("", store.name);
  return lines.join("\n");
}

function emailProps(input: OrderMessageInput, formatted: FormattedOrder, parts: { subject: string; heading: string; bodyHtml: string; footer: string; labels: OrderLabels }): OrderConfirmationEmailProps {
  const { order, store, appUrl } = input;
  return {
    locale: formatted.locale,
    previewText: parts.subject,
    labels: parts.labels,
    store: { name: store.name, brandColor: store.brandColor, logoUrl: store.logoUrl, supportEmail: store.supportEmail, supportPhone: store.supportPhone },
    heading: parts.heading,
    introParagraphsHtml: htmlParagraphs(parts.bodyHtml),
    footer: parts.footer,
    order: {
      ...formatted.totals,
      number: order.number,
      placedAt: formatted.placedAt,
      items: formatted.items.map(({ name, variant, quantity, unitPrice, lineTotal }) => ({ name, variant, quantity, unitPrice, lineTotal })),
      deliveryEstimate: formatted.deliveryEstimate,
      receiptUrl: receiptUrl(appUrl, order.receiptToken),
    },
  };
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Renders one message for one order and template kind, in the template's language:
 * - email: subject, the branded react-email layout (heading, the body with every variable HTML-escaped,
 *   items and totals with translated labels, footer) and its plain-text part;
 * - CRM / support note: a title (the subject) and the body as plain text;
 * - SMS, messaging, chat: the body as plain text only, nothing escaped (SMS without no-break spaces).
 * Money and dates follow the order's locale when it is the template's language, else the template's own.
 * Throws TemplateSyntaxError / TemplateRenderError with a message naming the part and the problem.
 */
export async function renderNotification(input: RenderNotificationInput): Promise<RenderedNotification> {
  const { template, kind } = input;
  const preferences = localePreferences(input, input.audience);
  const language = template.locale ?? preferences[0]!;
  const locale = formattingLocale(language, preferences);
  const defaults = defaultContentFor(kind, language);
  const formatted = formatOrder(input, locale);
  const scope = buildTemplateVariables(input, formatted);
  const variables = flattenTemplateVariables(scope);
  const bodyText = tidyText(await renderLiquid(template.body, scope, { mode: "none", part: "body" }));
  const base = { variables, locale };

  if (kind === "sms" || kind === "messaging" || kind === "chat") {
    if (!bodyText) throw new TemplateRenderError("body", "it produced an empty message");
    return { ...base, subject: null, text: kind === "sms" ? plainSpaces(bodyText) : bodyText, html: null };
  }

  const subjectSource = template.subject?.trim() ? template.subject : (defaults.subject ?? "");
  const subject = oneLine(await renderLiquid(subjectSource, scope, { mode: "none", part: "subject" }));
  if (!subject) throw new TemplateRenderError("subject", "it produced an empty subject");
  if (kind === "crm") {
    if (!bodyText) throw new TemplateRenderError("body", "it produced an empty note");
    return { ...base, subject, text: bodyText, html: null };
  }

  const labels = orderLabelsFor(language);
  const heading = oneLine(await renderLiquid(template.heading ?? defaults.heading ?? "", scope, { mode: "none", part: "heading" }));
  const footer = tidyText(await renderLiquid(template.footer ?? defaults.footer ?? "", scope, { mode: "none", part: "footer" }));
  const bodyHtml = await renderLiquid(template.body, scope, { mode: "html", part: "body" });
  const text = [bodyText, orderSummaryText(input, formatted, labels), footer].filter(Boolean).join("\n\n");
  const html = await render(createElement(OrderConfirmationEmail, emailProps(input, formatted, { subject, heading, bodyHtml, footer, labels })));
  return { ...base, subject, text, html };
}
