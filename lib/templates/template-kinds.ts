import type { ChannelKind } from "../channels/provider-ids";

/**
 * What a template is written for. Each channel kind takes one template kind: CRM records, support tickets
 * and signed webhooks all carry a plain-text note with a title.
 */
export const templateKinds = ["email", "sms", "messaging", "chat", "crm"] as const;
export type TemplateKind = (typeof templateKinds)[number];

export const templateKindLabel: Record<TemplateKind, string> = {
  email: "Email",
  sms: "SMS",
  messaging: "Messaging (WhatsApp, LINE, Telegram…)",
  chat: "Team chat",
  crm: "CRM / support note",
};

const kindOfChannel: Record<ChannelKind, TemplateKind> = {
  email: "email",
  sms: "sms",
  messaging: "messaging",
  chat: "chat",
  crm: "crm",
  support: "crm",
  webhook: "crm",
};

export function templateKindFor(channelKind: ChannelKind): TemplateKind {
  return kindOfChannel[channelKind];
}

export function templateFitsChannel(templateKind: string, channelKind: ChannelKind): boolean {
  return kindOfChannel[channelKind] === templateKind;
}

/** Template kinds whose messages have a subject (an email's, a ticket's or a CRM note's title). */
export function hasSubject(kind: TemplateKind): boolean {
  return kind === "email" || kind === "crm";
}
