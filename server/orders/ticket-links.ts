import { zendeskSubdomain } from "../channels/zendesk";

/** Providers a support ticket can be opened through, and what their "ticket" is. */
export const ticketProviders = {
  zendesk: "a Zendesk ticket for the customer",
  intercom: "an Intercom message to the customer, which becomes a conversation when they reply",
  hubspot: "a note on the customer's HubSpot contact (or the channel's transactional email)",
} as const;

export type TicketProvider = keyof typeof ticketProviders;
export const ticketProviderIds = Object.keys(ticketProviders) as TicketProvider[];

export function isTicketProvider(provider: string): provider is TicketProvider {
  return provider in ticketProviders;
}

/**
 * Where staff open the ticket, built from the channel's settings and the id the provider answered with.
 * Zendesk: the agent workspace URL of the ticket.
 * @see https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket
 * Intercom answers a created message with a message id only ("there will be no conversation present until
 * the contact responds", POST /messages), and HubSpot with a note or email-send id on a portal whose id the
 * channel does not know: for those the id is shown without a link.
 */
export function ticketLink(provider: string, config: Record<string, unknown>, ticketId: string | null): string | null {
  if (!ticketId) return null;
  if (provider === "zendesk" && /^\d+$/.test(ticketId)) {
    const subdomain = typeof config.subdomain === "string" ? zendeskSubdomain(config.subdomain) : null;
    return subdomain ? `https://${subdomain}.zendesk.com/agent/tickets/${ticketId}` : null;
  }
  return null;
}
