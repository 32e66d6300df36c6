/** What a channel is: kept here, apart from the database schema, so browser code can use it too. */
export const channelKinds = ["email", "sms", "messaging", "chat", "crm", "support", "webhook"] as const;
export type ChannelKind = (typeof channelKinds)[number];
