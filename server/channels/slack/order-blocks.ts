import { formatMoney } from "@/lib/format";
import type { OutboundMessage } from "../channel-provider";

/** Slack caps a section's text at 3,000 characters and a field at 2,000. */
const SECTION_LIMIT = 3000;

/** Slack mrkdwn treats only &, < and > specially. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link target inside <url|label>: a | or > would end it early. */
function linkTarget(url: string): string {
  return url.replace(/\|/g, "%7C").replace(/>/g, "%3E");
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Escaped text within a limit, cut between characters so no entity is split. */
function escapedWithin(text: string, limit: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= limit) return escaped;
  let kept = "";
  for (const char of text) {
    const next = escapeMrkdwn(char);
    if (kept.length + next.length > limit - 1) break;
    kept += next;
  }
  return `${kept}…`;
}

/**
 * The alert as Block Kit: the rendered text (what the template says), then a compact grid with the order
 * number, total, customer and a receipt link, so the facts are there whatever the template holds.
 * `text` stays on the request as the notification fallback.
 */
export function orderBlocks(message: OutboundMessage): Array<Record<string, unknown>> {
  const { order } = message;
  const customer = [order.customer.name, order.customer.email ?? order.customer.phone].filter(Boolean).join(" · ") || "Guest";
  const fields = [
    `*Order*\n${escapeMrkdwn(order.number)}`,
    `*Total*\n${escapeMrkdwn(formatMoney(order.total, order.currency, order.locale))}`,
    `*Customer*\n${escapeMrkdwn(customer)}`,
    `*Receipt*\n<${linkTarget(order.receiptUrl)}|View receipt>`,
  ].map((text) => ({ type: "mrkdwn", text: clip(text, 2000) }));
  return [
    ...(message.text.trim() ? [{ type: "section", text: { type: "mrkdwn", text: escapedWithin(message.text, SECTION_LIMIT) } }] : []),
    { type: "section", fields },
  ];
}
