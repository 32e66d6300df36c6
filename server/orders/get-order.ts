import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  auditLog,
  channels,
  customers,
  deliveryAttempts,
  deliveryStatusEvents,
  flowSteps,
  flows,
  inboundEvents,
  notifications,
  orderItems,
  orders,
  sources,
  templateVersions,
  templates,
} from "@/db/schema";
import { DomainError } from "../errors";
import { env } from "../env";
import { receiptUrl } from "../receipts/receipt-url";
import { ticketLink } from "./ticket-links";
import { buildTimeline } from "./order-timeline";

/** Inbound payloads are shown inline up to this size; the Inbound events page has the rest (admins). */
const PAYLOAD_PREVIEW = 64 * 1024;

/** The sender a channel's settings name, whatever the provider calls it. */
function senderOf(config: Record<string, unknown>): string | null {
  const text = (key: string) => (typeof config[key] === "string" && config[key] ? (config[key] as string) : null);
  const address = text("fromAddress") ?? text("fromEmail") ?? text("senderAddress") ?? text("from") ?? text("fromNumber") ?? text("senderId");
  const name = text("fromName") ?? text("senderName");
  if (address && name) return `${name} <${address}>`;
  return address ?? name;
}

/**
 * Everything support needs about one order: items, customer and current contact details, every message
 * with exactly what was sent (and the template version it came from), every attempt and delivery report,
 * every inbound event, every staff action, and all of it as one chronological timeline.
 */
export async function getOrder(db: Db, orderId: string) {
  const [row] = await db
    .select({ order: orders, sourceName: sources.name, sourceKind: sources.kind, customer: customers })
    .from(orders)
    .innerJoin(sources, eq(sources.id, orders.sourceId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  if (!row) throw new DomainError("NOT_FOUND", "No such order.");
  const [items, messages, events, staff] = await Promise.all([
    db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.position)),
    db
      .select({
        notification: notifications,
        channelName: channels.name,
        channelProvider: channels.provider,
        channelKind: channels.kind,
        channelConfig: channels.config,
        flowName: flows.name,
        stepPosition: flowSteps.position,
        templateName: templates.name,
        templateLocale: templates.locale,
        templateVersion: templateVersions.version,
      })
      .from(notifications)
      .innerJoin(channels, eq(channels.id, notifications.channelId))
      .leftJoin(flowSteps, eq(flowSteps.id, notifications.flowStepId))
      .leftJoin(flows, eq(flows.id, flowSteps.flowId))
      .leftJoin(templateVersions, eq(templateVersions.id, notifications.templateVersionId))
      .leftJoin(templates, eq(templates.id, templateVersions.templateId))
      .where(eq(notifications.orderId, orderId))
      .orderBy(asc(notifications.createdAt), asc(notifications.id)),
    db.select().from(inboundEvents).where(eq(inboundEvents.orderId, orderId)).orderBy(desc(inboundEvents.receivedAt)),
    db
      .select({ id: auditLog.id, at: auditLog.at, actorEmail: auditLog.actorEmail, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "order"), eq(auditLog.targetId, orderId)))
      .orderBy(asc(auditLog.at)),
  ]);
  const ids = messages.map((message) => message.notification.id);
  const [attempts, reports] = ids.length
    ? await Promise.all([
        db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.notificationId, ids)).orderBy(asc(deliveryAttempts.startedAt)),
        db.select().from(deliveryStatusEvents).where(inArray(deliveryStatusEvents.notificationId, ids)).orderBy(asc(deliveryStatusEvents.receivedAt)),
      ])
    : [[], []];
  const { receiptToken, ...order } = row.order;
  const customer = row.customer;

  const enriched = messages.map((message) => {
    const n = message.notification;
    return {
      ...n,
      channelName: message.channelName,
      channelProvider: message.channelProvider,
      channelKind: message.channelKind,
      sender: senderOf(message.channelConfig),
      flow: message.flowName ? { name: message.flowName, step: (message.stepPosition ?? 0) + 1 } : null,
      templateVersion: message.templateName ? { name: message.templateName, locale: message.templateLocale!, version: message.templateVersion! } : null,
      resends: messages.filter((other) => other.notification.resendOfId === n.id).map((other) => other.notification.id),
      ticket: n.origin === "ticket" ? { id: n.providerMessageId, link: ticketLink(message.channelProvider, message.channelConfig, n.providerMessageId) } : null,
      deliveryAttempts: attempts.filter((attempt) => attempt.notificationId === n.id),
      deliveryReports: reports.filter((report) => report.notificationId === n.id),
    };
  });
  const shownEvents = events.map((event) => ({
    id: event.id,
    receivedAt: event.receivedAt,
    topic: event.topic,
    outcome: event.outcome,
    reason: event.reason,
    httpStatus: event.httpStatus,
    signatureVerdict: event.signatureVerdict,
    replayOfId: event.replayOfId,
    payload: event.payload.length > PAYLOAD_PREVIEW ? `${event.payload.slice(0, PAYLOAD_PREVIEW)}\n… (${event.payload.length - PAYLOAD_PREVIEW} more characters)` : event.payload,
  }));
  return {
    order: { ...order, receiptUrl: receiptUrl(env().APP_URL, receiptToken) },
    source: { name: row.sourceName, kind: row.sourceKind },
    customer,
    /** The customer's contact details as they are now: where a resend goes. */
    contact: {
      email: customer?.email ?? null,
      phone: customer?.phone ?? null,
      messengerIds: { whatsapp: customer?.whatsappId ?? null, telegram: customer?.telegramId ?? null, line: customer?.lineId ?? null, viber: customer?.viberId ?? null, messenger: customer?.messengerId ?? null },
    },
    items,
    notifications: enriched,
    events: shownEvents,
    timeline: buildTimeline({ order: row.order, events: shownEvents, messages: enriched, staff }),
  };
}

export type OrderDetails = Awaited<ReturnType<typeof getOrder>>;

/** Finds an order by its id, its number (as the customer quotes it) or the platform's id. */
export async function findOrderId(db: Db, reference: string): Promise<string | null> {
  const trimmed = reference.trim();
  if (/^[0-9a-f-]{36}$/i.test(trimmed)) {
    const [byId] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, trimmed));
    if (byId) return byId.id;
  }
  for (const candidate of new Set([trimmed, trimmed.replace(/^#/, ""), `#${trimmed.replace(/^#/, "")}`])) {
    const [byNumber] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, candidate)).orderBy(desc(orders.createdAt)).limit(1);
    if (byNumber) return byNumber.id;
  }
  const [byExternal] = await db.select({ id: orders.id }).from(orders).where(eq(orders.externalId, trimmed)).orderBy(desc(orders.createdAt)).limit(1);
  return byExternal?.id ?? null;
}
