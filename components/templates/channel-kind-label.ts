import type { ChannelKind } from "@/lib/channels/provider-ids";

export const channelKindLabel: Record<ChannelKind, string> = {
  email: "Email",
  sms: "SMS",
  messaging: "Messaging",
  chat: "Team chat",
  crm: "CRM",
  support: "Support desk",
  webhook: "Webhook",
};
