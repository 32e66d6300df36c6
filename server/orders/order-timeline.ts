import type { DeliveryAttempt, Notification, Order } from "@/db/schema";
import { describeActivity } from "@/lib/activity-text";

type Message = Notification & {
  channelName: string;
  flow: { name: string; step: number } | null;
  ticket: { id: string | null; link: string | null } | null;
  deliveryAttempts: DeliveryAttempt[];
  deliveryReports: Array<{ id: string; status: string; reason: string | null; result: string; receivedAt: Date; providerMessageId: string }>;
};
type Event = { id: string; receivedAt: Date; topic: string | null; outcome: string; reason: string | null };
type Staff = { id: number; at: Date; actorEmail: string | null; action: string; details: Record<string, unknown> };

export type TimelineEntry =
  | { kind: "event"; at: Date; key: string; eventId: string; topic: string | null; outcome: string; reason: string | null }
  | { kind: "planned"; at: Date; key: string; notificationId: string; channelName: string; origin: Notification["origin"]; flow: { name: string; step: number } | null; resendOfId: string | null }
  | { kind: "attempt"; at: Date; key: string; notificationId: string; channelName: string; number: number; outcome: string | null; httpStatus: number | null; error: string | null; latencyMs: number | null; providerMessageId: string | null; ticket: { id: string | null; link: string | null } | null }
  | { kind: "report"; at: Date; key: string; notificationId: string; channelName: string; status: string; reason: string | null; result: string }
  | { kind: "cancelled"; at: Date; key: string; notificationId: string; channelName: string; reason: string | null }
  | { kind: "receipt"; at: Date; key: string; views: number; first: boolean }
  | { kind: "staff"; at: Date; key: string; actorEmail: string | null; action: string; text: string; reason: string | null };

/**
 * One chronological story of an order: inbound events, each planned message (with the flow and step that
 * planned it, or the staff action), every attempt with the provider's answer, delivery reports, receipt
 * views and staff actions with who and why.
 */
export function buildTimeline(input: { order: Order; events: Event[]; messages: Message[]; staff: Staff[] }): TimelineEntry[] {
  const { order, events, messages, staff } = input;
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    entries.push({ kind: "event", at: event.receivedAt, key: `event-${event.id}`, eventId: event.id, topic: event.topic, outcome: event.outcome, reason: event.reason });
  }
  for (const message of messages) {
    const base = { notificationId: message.id, channelName: message.channelName };
    entries.push({ kind: "planned", at: message.createdAt, key: `planned-${message.id}`, ...base, origin: message.origin, flow: message.flow, resendOfId: message.resendOfId });
    message.deliveryAttempts.forEach((attempt, index) => {
      const succeeded = attempt.outcome === "success";
      const lastSuccess = succeeded && index === message.deliveryAttempts.length - 1;
      entries.push({
        kind: "attempt",
        at: attempt.startedAt,
        key: `attempt-${attempt.id}`,
        ...base,
        number: attempt.number,
        outcome: attempt.outcome,
        httpStatus: attempt.httpStatus,
        error: attempt.error,
        latencyMs: attempt.latencyMs,
        // The provider's id is kept on the message, and belongs to the attempt that succeeded.
        providerMessageId: lastSuccess ? message.providerMessageId : null,
        ticket: lastSuccess ? message.ticket : null,
      });
    });
    for (const report of message.deliveryReports) {
      entries.push({ kind: "report", at: report.receivedAt, key: `report-${report.id}`, ...base, status: report.status, reason: report.reason, result: report.result });
    }
    if (message.status === "cancelled") entries.push({ kind: "cancelled", at: message.updatedAt, key: `cancelled-${message.id}`, ...base, reason: message.lastError });
  }
  if (order.receiptFirstViewedAt) entries.push({ kind: "receipt", at: order.receiptFirstViewedAt, key: "receipt-first", views: order.receiptViews, first: true });
  if (order.receiptLastViewedAt && order.receiptViews > 1) entries.push({ kind: "receipt", at: order.receiptLastViewedAt, key: "receipt-last", views: order.receiptViews, first: false });
  for (const action of staff) {
    const details = action.details ?? {};
    entries.push({
      kind: "staff",
      at: action.at,
      key: `staff-${action.id}`,
      actorEmail: action.actorEmail,
      action: action.action,
      text: describeActivity(action.action, details),
      reason: typeof details.reason === "string" ? details.reason : null,
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
