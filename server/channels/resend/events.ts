import type { DeliveryUpdate, StatusCallbackRequest } from "../channel-provider";

type ResendWebhook = {
  type?: unknown;
  created_at?: unknown;
  data?: {
    email_id?: unknown;
    bounce?: { message?: unknown; type?: unknown; subType?: unknown };
    failed?: { reason?: unknown };
  };
};

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

function bounceReason(bounce: NonNullable<ResendWebhook["data"]>["bounce"]): string {
  const kind = [text(bounce?.type), text(bounce?.subType)].filter(Boolean).join(" / ");
  const message = text(bounce?.message);
  return `Bounced${kind ? ` (${kind})` : ""}${message ? `: ${message}` : ""}`;
}

/**
 * Resend webhook events as delivery updates, keyed by `data.email_id` (the id `POST /emails` returned).
 * Opens, clicks and `email.delivery_delayed` change nothing: Resend keeps trying after a delay and a later
 * event settles the outcome.
 */
export function parseResendWebhook(request: StatusCallbackRequest): DeliveryUpdate[] {
  let event: ResendWebhook;
  try {
    event = JSON.parse(request.body.toString("utf8")) as ResendWebhook;
  } catch {
    return [];
  }
  const providerMessageId = text(event?.data?.email_id);
  if (!providerMessageId) return [];
  const createdAt = text(event.created_at);
  const at = createdAt && !Number.isNaN(Date.parse(createdAt)) ? new Date(createdAt) : undefined;
  const update = (status: DeliveryUpdate["status"], reason?: string): DeliveryUpdate[] => [
    { providerMessageId, status, ...(reason ? { reason } : {}), ...(at ? { at } : {}) },
  ];

  switch (event.type) {
    case "email.sent":
      return update("sent");
    case "email.delivered":
      return update("delivered");
    case "email.bounced":
      return update("failed", bounceReason(event.data?.bounce));
    case "email.complained":
      return update("failed", "The recipient marked the email as spam (complaint)");
    case "email.failed":
      // Resend could not send at all (e.g. the sending domain is no longer verified).
      return update("failed", `Resend could not send the email${text(event.data?.failed?.reason) ? `: ${text(event.data?.failed?.reason)}` : ""}`);
    default:
      return [];
  }
}
