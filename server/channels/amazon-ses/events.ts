import type { DeliveryUpdate, SendContext, StatusCallbackRequest } from "../channel-provider";
import { confirmSnsSubscription, snsMessageOf } from "./sns";

/**
 * An SES event as SNS carries it in `Message`: configuration-set event publishing names it `eventType`,
 * identity notifications `notificationType`; both have `mail.messageId`, the id SendEmail returned.
 * @see https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */
type SesEvent = {
  eventType?: unknown;
  notificationType?: unknown;
  mail?: { messageId?: unknown };
  delivery?: { timestamp?: unknown };
  bounce?: { bounceType?: unknown; bounceSubType?: unknown; timestamp?: unknown; bouncedRecipients?: Array<{ diagnosticCode?: unknown; emailAddress?: unknown }> };
  complaint?: { complaintFeedbackType?: unknown; timestamp?: unknown };
};

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

function timeOf(value: unknown): Date | undefined {
  const at = text(value);
  return at && !Number.isNaN(Date.parse(at)) ? new Date(at) : undefined;
}

function bounceReason(bounce: NonNullable<SesEvent["bounce"]>): string {
  const kind = [text(bounce.bounceType), text(bounce.bounceSubType)].filter(Boolean).join(" / ");
  const diagnostic = text(bounce.bouncedRecipients?.[0]?.diagnosticCode);
  return `SES bounce${kind ? ` (${kind})` : ""}${diagnostic ? `: ${diagnostic}` : ""}`;
}

/** Delivery → delivered; Bounce and Complaint → failed with SES's reason. Opens, clicks, sends: nothing. */
export function sesEventUpdates(event: SesEvent): DeliveryUpdate[] {
  const providerMessageId = text(event.mail?.messageId);
  if (!providerMessageId) return [];
  switch (text(event.eventType) ?? text(event.notificationType)) {
    case "Delivery": {
      const at = timeOf(event.delivery?.timestamp);
      return [{ providerMessageId, status: "delivered", ...(at ? { at } : {}) }];
    }
    case "Bounce": {
      const at = timeOf(event.bounce?.timestamp);
      return [{ providerMessageId, status: "failed", reason: bounceReason(event.bounce ?? {}), ...(at ? { at } : {}) }];
    }
    case "Complaint": {
      const at = timeOf(event.complaint?.timestamp);
      const feedback = text(event.complaint?.complaintFeedbackType);
      return [{ providerMessageId, status: "failed", reason: `The recipient marked the email as spam (complaint${feedback ? `: ${feedback}` : ""})`, ...(at ? { at } : {}) }];
    }
    default:
      return [];
  }
}

/**
 * A verified SNS delivery: a notification carries one SES event; a subscription confirmation is answered
 * (so the topic starts delivering) and carries none; an unsubscribe confirmation is only recorded.
 */
export async function parseSesNotification(request: StatusCallbackRequest, region: string, context: SendContext): Promise<DeliveryUpdate[]> {
  const message = snsMessageOf(request);
  if (!message) return [];
  if (message.Type === "SubscriptionConfirmation") {
    await confirmSnsSubscription(message, region, context);
    return [];
  }
  if (message.Type !== "Notification") return [];
  try {
    return sesEventUpdates(JSON.parse(message.Message) as SesEvent);
  } catch {
    return [];
  }
}
