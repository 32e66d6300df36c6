import { render } from "@react-email/render";
import { createElement } from "react";
import type { ChannelKind } from "@/db/schema";
import { OrderConfirmationEmail, type OrderConfirmationEmailProps } from "@/emails/order-confirmation";
import { receiptUrl } from "../receipts/receipt-url";
import { TemplateRenderError, renderLiquid } from "./render-liquid";
import { type FormattedOrder, type OrderMessageInput, buildTemplateVariables, flattenTemplateVariables, formatOrder } from "./template-variables";

export type RenderNotificationInput = OrderMessageInput & {
  /** The live version's subject and body (Liquid). The subject is used by email-like channels only. */
  template: { subject: string | null; body: string };
  channelKind: ChannelKind;
};

export type RenderedNotification = {
  /** Email-like channels only (email, CRM, support, webhook); null for SMS, messaging and chat. */
  subject: string | null;
  /** The SMS/chat message itself, or the plain-text part of an email. */
  text: string;
  /** The branded email (react-email); null for SMS, messaging and chat. */
  html: string | null;
  /** Scalar variables by dotted name, for OutboundMessage.variables. */
  variables: Record<string, string>;
};

/** Channels whose messages have a subject and a rich body: emails, CRM records, support tickets, webhooks. */
const richKinds = new Set<ChannelKind>(["email", "crm", "support", "webhook"]);

/** Trailing spaces off every line, at most one blank line in a row, no blank lines at the ends. */
function tidyText(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
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
export function orderSummaryText(input: OrderMessageInput, formatted: FormattedOrder = formatOrder(input)): string {
  const { order, store, appUrl } = input;
  const totals = formatted.totals;
  const lines = [formatted.placedAt ? `Order ${order.number} · placed ${formatted.placedAt}` : `Order ${order.number}`, ""];
  for (const item of formatted.items) {
    lines.push(item.variant ? `${item.name} (${item.variant})` : item.name, `  ${item.quantity} × ${item.unitPrice} = ${item.lineTotal}`);
  }
  lines.push("");
  for (const [label, value] of [["Subtotal", totals.subtotal], ["Discounts", totals.discount], ["Shipping", totals.shipping], ["Tax", totals.tax], ["Total", totals.total]] as const) {
    if (value !== null) lines.push(`${label}: ${value}`);
  }
  lines.push("");
  if (formatted.deliveryEstimate) lines.push(`Estimated delivery: ${formatted.deliveryEstimate}`);
  lines.push(`View your receipt: ${receiptUrl(appUrl, order.receiptToken)}`);
  const support = [store.supportEmail, store.supportPhone].filter(Boolean).join(" · ");
  if (support) lines.push("", `Questions about your order? ${support}`);
  lines.push("", store.name);
  return lines.join("\n");
}

function emailPropsOf(input: OrderMessageInput, formatted: FormattedOrder, subject: string, bodyHtml: string): OrderConfirmationEmailProps {
  const { order, store, appUrl } = input;
  return {
    locale: formatted.locale,
    previewText: subject,
    store: { name: store.name, brandColor: store.brandColor, logoUrl: store.logoUrl, supportEmail: store.supportEmail, supportPhone: store.supportPhone },
    introParagraphsHtml: htmlParagraphs(bodyHtml),
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

/**
 * Renders one message for one order and channel kind:
 * - email, CRM, support, webhook: subject (Liquid, plain), text (the body as plain text + an items and
 *   totals summary + the receipt link) and HTML (the branded react-email layout around the body rendered
 *   with every variable HTML-escaped);
 * - SMS, messaging, chat: the body as plain text only, nothing escaped.
 * Throws TemplateSyntaxError / TemplateRenderError with a message naming the part and the problem.
 */
export async function renderNotification(input: RenderNotificationInput): Promise<RenderedNotification> {
  const formatted = formatOrder(input);
  const scope = buildTemplateVariables(input, formatted);
  const variables = flattenTemplateVariables(scope);
  const bodyText = tidyText(await renderLiquid(input.template.body, scope, { mode: "none", part: "body" }));

  if (!richKinds.has(input.channelKind)) {
    if (!bodyText) throw new TemplateRenderError("body", "it produced an empty message");
    return { subject: null, text: bodyText, html: null, variables };
  }

  const subjectSource = input.template.subject?.trim() ? input.template.subject : "Order {{ order.number }} from {{ store.name }}";
  const subject = (await renderLiquid(subjectSource, scope, { mode: "none", part: "subject" })).replace(/\s+/g, " ").trim();
  if (!subject) throw new TemplateRenderError("subject", "it produced an empty subject");
  const bodyHtml = await renderLiquid(input.template.body, scope, { mode: "html", part: "body" });
  const text = [bodyText, orderSummaryText(input, formatted)].filter(Boolean).join("\n\n");
  const html = await render(createElement(OrderConfirmationEmail, emailPropsOf(input, formatted, subject, bodyHtml)));
  return { subject, text, html, variables };
}
