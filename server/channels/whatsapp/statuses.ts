import type { DeliveryUpdate, StatusCallbackRequest } from "../channel-provider";

type StatusError = { code?: unknown; title?: unknown; message?: unknown; error_data?: { details?: unknown } };
type Status = { id?: unknown; status?: unknown; timestamp?: unknown; recipient_id?: unknown; errors?: StatusError[] };
type Notification = { object?: unknown; entry?: Array<{ changes?: Array<{ field?: unknown; value?: { metadata?: { phone_number_id?: unknown }; statuses?: Status[] } }> }> };

const STATUSES: Record<string, DeliveryUpdate["status"]> = { sent: "sent", delivered: "delivered", read: "delivered", failed: "failed" };

/** "WhatsApp error 131047: Re-engagement message — Message failed to send because more than 24 hours have passed…" */
function reasonOf(errors: StatusError[] | undefined): string {
  const error = errors?.[0];
  if (!error) return "WhatsApp reported the message as failed";
  const code = typeof error.code === "number" || typeof error.code === "string" ? ` ${error.code}` : "";
  const title = typeof error.title === "string" ? error.title : typeof error.message === "string" ? error.message : "failed";
  const details = typeof error.error_data?.details === "string" && error.error_data.details !== title ? ` — ${error.error_data.details}` : "";
  return `WhatsApp error${code}: ${title}${details}`;
}

function atOf(timestamp: unknown): Date | undefined {
  const seconds = Number(timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

/**
 * A `messages` webhook of the WhatsApp Business Account: every `statuses[]` entry (several per delivery,
 * unordered) becomes an update; read counts as delivered. Incoming customer messages in the same webhook
 * are not delivery reports and are ignored. One app's webhook serves every number of the account, so only
 * the changes of this channel's number (`metadata.phone_number_id`) are its own.
 */
export function parseWhatsAppStatuses(request: StatusCallbackRequest, phoneNumberId: string): DeliveryUpdate[] {
  const body = JSON.parse(request.body.toString("utf8")) as Notification;
  if (body?.object !== "whatsapp_business_account" || !Array.isArray(body.entry)) return [];
  const updates: DeliveryUpdate[] = [];
  for (const entry of body.entry) {
    for (const change of entry?.changes ?? []) {
      if (change?.field !== "messages" || String(change.value?.metadata?.phone_number_id ?? "") !== phoneNumberId) continue;
      for (const status of change.value?.statuses ?? []) {
        const mapped = typeof status?.status === "string" ? STATUSES[status.status] : undefined;
        if (typeof status?.id !== "string" || !mapped) continue;
        const at = atOf(status.timestamp);
        updates.push({ providerMessageId: status.id, status: mapped, ...(mapped === "failed" ? { reason: reasonOf(status.errors) } : {}), ...(at ? { at } : {}) });
      }
    }
  }
  return updates;
}
