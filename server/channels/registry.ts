import "server-only";
import { isProviderId, type ProviderId } from "@/lib/channels/provider-ids";
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
 * One line per provider, keyed by the ids of lib/channels/provider-ids.ts: a provider missing here or
 * registered under a name not in that list does not compile (a test checks each key equals its provider's
 * id). Each adapter is typed with its own credentials; the dispatcher sees them through the common
 * interface after validating credentials with the provider's own schema.
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
} satisfies { [Id in ProviderId]: ChannelProvider };

export type { ProviderId } from "@/lib/channels/provider-ids";
export { providerIds } from "@/lib/channels/provider-ids";

export function providerFor(id: string): ChannelProvider | null {
  return isProviderId(id) ? channelProviders[id] : null;
}
