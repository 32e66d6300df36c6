import type { ChannelProvider } from "./channel-provider";
import { whatsappProvider } from "./whatsapp";
import { messengerProvider } from "./messenger";
import { lineProvider } from "./line";
import { telegramProvider } from "./telegram";
import { viberProvider } from "./viber";
import { slackProvider } from "./slack";
import { googleChatProvider } from "./google-chat";
import { webhookProvider } from "./webhook";
import { sendGridProvider } from "./sendgrid";
import { mailgunProvider } from "./mailgun";
import { amazonSesProvider } from "./amazon-ses";
import { gmailProvider } from "./gmail";
import { microsoftGraphProvider } from "./microsoft-graph";
import { zendeskProvider } from "./zendesk";
import { hubspotProvider } from "./hubspot";
import { salesforceProvider } from "./salesforce";
import { zohoCrmProvider } from "./zoho-crm";
import { klaviyoProvider } from "./klaviyo";
import { activecampaignProvider } from "./activecampaign";
import { intercomProvider } from "./intercom";
import { resendProvider } from "./resend";
import { sandboxProvider } from "./sandbox";
import { smtpProvider } from "./smtp";
import { twilioProvider } from "./twilio";
import { vonageSmsProvider } from "./vonage-sms";

/**
 * One line per provider. Each adapter is typed with its own credentials; the dispatcher sees them through
 * the common interface after validating credentials with the provider's own schema.
 */
export const channelProviders = {
  sandbox: sandboxProvider,
  resend: resendProvider,
  smtp: smtpProvider,
  twilio: twilioProvider,
  "vonage-sms": vonageSmsProvider,
  sendgrid: sendGridProvider,
  mailgun: mailgunProvider,
  "amazon-ses": amazonSesProvider,
  gmail: gmailProvider,
  "microsoft-graph": microsoftGraphProvider,
  whatsapp: whatsappProvider,
  messenger: messengerProvider,
  line: lineProvider,
  telegram: telegramProvider,
  viber: viberProvider,
  slack: slackProvider,
  "google-chat": googleChatProvider,
  webhook: webhookProvider,
  zendesk: zendeskProvider,
  hubspot: hubspotProvider,
  salesforce: salesforceProvider,
  "zoho-crm": zohoCrmProvider,
  klaviyo: klaviyoProvider,
  activecampaign: activecampaignProvider,
  intercom: intercomProvider,
} satisfies Record<string, Pick<ChannelProvider, "id" | "kind" | "name">>;

export type ProviderId = keyof typeof channelProviders;

export const providerIds = Object.keys(channelProviders) as ProviderId[];

export function providerFor(id: string): ChannelProvider | null {
  return ((channelProviders as Record<string, unknown>)[id] as ChannelProvider | undefined) ?? null;
}
