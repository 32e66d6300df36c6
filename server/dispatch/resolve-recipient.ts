import type { ChannelKind, Customer } from "@/db/schema";
import type { ChannelProvider, RecipientKind } from "../channels/channel-provider";

export function recipientKindOf(provider: Pick<ChannelProvider, "recipient" | "recipientByKind">, channelKind: ChannelKind): RecipientKind {
  return provider.recipientByKind?.[channelKind] ?? provider.recipient;
}

const described: Record<RecipientKind, string> = {
  email: "an email address",
  phone: "a phone number",
  whatsapp: "a WhatsApp number",
  telegram: "a Telegram chat id",
  line: "a LINE user id",
  viber: "a Viber user id",
  messenger: "a Messenger id",
  internal: "a destination for the alert",
};

/** Where this message goes, or why it cannot go through this channel (then the next channel is tried). */
export function resolveRecipient(
  kind: RecipientKind,
  customer: Customer | null,
  internalRecipient: string | null,
  channelConfig: Record<string, unknown>,
): { ok: true; to: string } | { ok: false; reason: string } {
  const value = (() => {
    switch (kind) {
      case "email":
        return customer?.email;
      case "phone":
        return customer?.phone;
      case "whatsapp":
        return customer?.whatsappId ?? customer?.phone;
      case "telegram":
        return customer?.telegramId;
      case "line":
        return customer?.lineId;
      case "viber":
        return customer?.viberId;
      case "messenger":
        return customer?.messengerId;
      case "internal":
        // A step's own destination, else the channel's default (a Slack channel set on the channel).
        return internalRecipient ?? (typeof channelConfig.defaultChannel === "string" ? channelConfig.defaultChannel : "") ?? "";
    }
  })();
  if (kind === "internal") return { ok: true, to: value ?? "" };
  return value ? { ok: true, to: value } : { ok: false, reason: `the customer has no ${described[kind].replace(/^an? /, "")} for this channel` };
}
