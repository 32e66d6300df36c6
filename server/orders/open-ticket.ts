import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { channels, customers, orderItems, orders } from "@/db/schema";
import { formatMoney } from "@/lib/format";
import type { Actor } from "../audit/record-audit";
import { env } from "../env";
import { DomainError } from "../errors";
import { receiptUrl } from "../receipts/receipt-url";
import { queueStaffMessage } from "./queue-staff-message";
import { staffReason, usableChannel } from "./resend-notification";
import { isTicketProvider, ticketProviderIds, ticketProviders } from "./ticket-links";

export const openTicketInput = z.object({
  orderId: z.uuid(),
  /** The agent's note: the first lines of the ticket. */
  reason: staffReason,
  /** Which support channel, when there are several; the first one otherwise. */
  channelId: z.uuid().optional(),
});

/** The enabled channels a ticket can be opened through, for the order page's button. */
export async function listTicketChannels(db: Db) {
  const rows = await db
    .select({ id: channels.id, name: channels.name, provider: channels.provider })
    .from(channels)
    .where(and(inArray(channels.provider, ticketProviderIds), eq(channels.enabled, true), isNull(channels.deletedAt)))
    .orderBy(asc(channels.createdAt));
  return rows.map((row) => ({ ...row, opens: isTicketProvider(row.provider) ? ticketProviders[row.provider] : "" }));
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Opens a support ticket about an order through a Zendesk, Intercom or HubSpot channel: a notification on
 * that channel, pre-rendered with the agent's note, the order number, items, totals and customer, and sent
 * by the normal dispatcher (retries, rate limits, idempotency key). The provider's answer is the ticket id,
 * shown with its link on the order's timeline.
 */
export async function openTicket(db: Db, actor: NonNullable<Actor>, input: z.input<typeof openTicketInput>) {
  const { orderId, reason, channelId } = openTicketInput.parse(input);
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new DomainError("NOT_FOUND", "No such order.");
  const available = await listTicketChannels(db);
  if (!available.length) throw new DomainError("PRECONDITION_FAILED", "No support channel yet: an admin adds a Zendesk, Intercom or HubSpot channel on the Channels page.");
  const chosen = channelId ? available.find((channel) => channel.id === channelId) : available[0];
  if (!chosen) throw new DomainError("BAD_REQUEST", "That channel cannot open tickets: choose a Zendesk, Intercom or HubSpot channel.", "channelId");
  const channel = await usableChannel(db, chosen.id);
  const [customer] = order.customerId ? await db.select().from(customers).where(eq(customers.id, order.customerId)) : [];
  if (!customer?.email) throw new DomainError("PRECONDITION_FAILED", "A ticket is opened for the customer's email address, and this order has none: correct the contact details first.");
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.position));

  const money = (minor: number) => formatMoney(minor, order.currency);
  const receiptLink = receiptUrl(env().APP_URL, order.receiptToken);
  const lines = [
    ...items.map((item) => `${item.quantity} × ${item.name}${item.variant ? ` (${item.variant})` : ""} — ${money(item.lineTotal)}`),
  ];
  const totals = `Total ${money(order.total)} (shipping ${money(order.shippingTotal)}, tax ${money(order.taxTotal)}, discounts −${money(order.discountTotal)})`;
  const who = `${customer.name ?? "Customer"} <${customer.email}>${customer.phone ? `, ${customer.phone}` : ""}`;
  const subject = `Order ${order.number}: ${reason.split("\n")[0]!.slice(0, 80)}`;
  const text = [reason, "", `Order ${order.number}`, ...lines, totals, `Customer: ${who}`, `Receipt: ${receiptLink}`].join("\n");
  const html = [
    `<p>${escapeHtml(reason).replace(/\n/g, "<br>")}</p>`,
    `<p><strong>Order ${escapeHtml(order.number)}</strong></p>`,
    `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`,
    `<p>${escapeHtml(totals)}</p>`,
    `<p>Customer: ${escapeHtml(who)}</p>`,
    `<p>Receipt: <a href="${escapeHtml(receiptLink)}">${escapeHtml(receiptLink)}</a></p>`,
  ].join("");

  return queueStaffMessage(
    db,
    actor,
    { orderId: order.id, channelId: channel.id, audience: "customer", origin: "ticket", recipient: customer.email, subject, textBody: text, htmlBody: html, variables: { "order.number": order.number }, renderedAt: new Date() },
    { action: "order.ticket_opened", targetType: "order", targetId: order.id, details: { number: order.number, channel: channel.name, reason } },
  );
}
