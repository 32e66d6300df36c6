import type { DeliveryUpdate, StatusCallbackRequest } from "../channel-provider";

type Messaging = { delivery?: { mids?: unknown; watermark?: unknown } };
type PageWebhook = { object?: unknown; entry?: Array<{ messaging?: Messaging[] }> };

/**
 * A Page webhook: each `message_deliveries` event lists the message ids (`delivery.mids`) delivered up to
 * its watermark. `message_reads` carry only a watermark and no ids, and other events (incoming messages,
 * postbacks) are not delivery reports: both are ignored.
 * @see https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-deliveries
 */
export function parseMessengerDeliveries(request: StatusCallbackRequest): DeliveryUpdate[] {
  const body = JSON.parse(request.body.toString("utf8")) as PageWebhook;
  if (body?.object !== "page" || !Array.isArray(body.entry)) return [];
  const updates: DeliveryUpdate[] = [];
  for (const entry of body.entry) {
    for (const event of entry?.messaging ?? []) {
      const mids = event?.delivery?.mids;
      if (!Array.isArray(mids)) continue;
      const watermark = Number(event.delivery?.watermark);
      const at = Number.isFinite(watermark) && watermark > 0 ? new Date(watermark) : undefined;
      for (const mid of mids) if (typeof mid === "string" && mid !== "") updates.push({ providerMessageId: mid, status: "delivered", ...(at ? { at } : {}) });
    }
  }
  return updates;
}
