import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendContext } from "../channel-provider";
import { describeZendeskError, type ZendeskErrorBody } from "./zendesk-error";
import { secretText } from "../credential-rules";

/**
 * Zendesk hosts every account on its own subdomain, so there is no single API host: this placeholder is
 * what the dashboard shows, and `send` builds `https://<subdomain>.zendesk.com` whenever the channel has
 * no base URL override (an empty base URL or this placeholder).
 */
export const ZENDESK_DEFAULT_BASE_URL = "https://{subdomain}.zendesk.com";

const credentialsSchema = z
  .object({
    agentEmail: z.email("The agent's email address, e.g. agent@shop.example.").optional(),
    apiToken: secretText("API token", 8).optional(),
    oauthToken: secretText("OAuth access token", 8).optional(),
  })
  .refine((value) => Boolean(value.oauthToken) || Boolean(value.agentEmail && value.apiToken), {
    message: "Enter an agent email with an API token, or an OAuth access token.",
  });

const configSchema = z.object({
  subdomain: z.string().trim().min(1),
  /** A ticket custom field (numeric id) that receives the order number, for views and triggers. */
  orderNumberFieldId: z.coerce.number().int().positive().optional(),
});

type Credentials = z.infer<typeof credentialsSchema>;
type Config = z.infer<typeof configSchema>;

/** "acme", "acme.zendesk.com" or "https://acme.zendesk.com/" → "acme"; null when it is not a subdomain. */
export function zendeskSubdomain(value: string): string | null {
  const host = value.trim().replace(/^https?:\/\//i, "").replace(/\/.*$/, "").replace(/\.zendesk\.com$/i, "");
  return /^[a-z0-9][a-z0-9-]*$/i.test(host) ? host.toLowerCase() : null;
}

function apiBase(context: SendContext, config: Config): string | null {
  if (context.baseUrl && context.baseUrl !== ZENDESK_DEFAULT_BASE_URL) return context.baseUrl;
  const subdomain = zendeskSubdomain(config.subdomain ?? "");
  return subdomain ? `https://${subdomain}.zendesk.com` : null;
}

/** An OAuth token wins when both are set: it is the narrower, revocable credential. */
function authorization(credentials: Credentials): string {
  if (credentials.oauthToken) return `Bearer ${credentials.oauthToken}`;
  return `Basic ${Buffer.from(`${credentials.agentEmail}/token:${credentials.apiToken}`).toString("base64")}`;
}

/** "#1001" → "order-1001": the ticket's external id, so agents and integrations find the order's tickets. */
export function orderExternalId(orderNumber: string): string {
  return `order-${orderNumber.replace(/^#/, "").trim()}`;
}

export function ticketBody(message: OutboundMessage, config: Config) {
  const { order } = message;
  return {
    ticket: {
      subject: message.subject ?? `Order ${order.number} confirmed`,
      // A public first comment by an agent on the customer's behalf is what Zendesk's default
      // "Notify requester of new proactive ticket" trigger emails to the requester.
      comment: message.html ? { html_body: message.html, public: true } : { body: message.text, public: true },
      requester: { name: order.customer.name ?? message.to.split("@")[0], email: message.to },
      external_id: orderExternalId(order.number),
      tags: ["orderbell", "order-confirmation"],
      ...(config.orderNumberFieldId ? { custom_fields: [{ id: Number(config.orderNumberFieldId), value: order.number }] } : {}),
    },
  };
}

/**
 * Zendesk Support: opens a ticket for the customer, with the order reference, so that Zendesk's
 * ticket-created notification reaches them and the conversation lives where the support team works.
 * @see https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#create-ticket
 */
export const zendeskProvider: ChannelProvider<Credentials, Config> = {
  id: "zendesk",
  name: "Zendesk",
  kind: "support",
  description: "Opens a Zendesk ticket for the customer with the order reference; Zendesk's ticket notification emails them.",
  docsUrl: "https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#create-ticket",
  recipient: "email",
  defaultBaseUrl: ZENDESK_DEFAULT_BASE_URL,
  credentialsSchema,
  configSchema,
  fields: [
    {
      name: "agentEmail",
      label: "Agent email",
      help: "The email of the Zendesk agent the API token belongs to; tickets are created by this agent. Leave empty when you use an OAuth token.",
      secret: true,
      required: false,
      placeholder: "agent@yourstore.com",
    },
    {
      name: "apiToken",
      label: "API token",
      help: "Admin Center → Apps and integrations → APIs → Zendesk API → Settings: enable Token access, then Add API token.",
      secret: true,
      required: false,
    },
    {
      name: "oauthToken",
      label: "OAuth access token",
      help: "Instead of an email and API token: an OAuth access token with the tickets:write scope (Admin Center → Apps and integrations → APIs → OAuth Clients).",
      secret: true,
      required: false,
    },
    {
      name: "subdomain",
      label: "Subdomain",
      help: "Your Zendesk address without .zendesk.com: for https://acme.zendesk.com enter acme.",
      secret: false,
      required: true,
      placeholder: "acme",
    },
    {
      name: "orderNumberFieldId",
      label: "Order number ticket field id (optional)",
      help: "The numeric id of a custom ticket field to fill with the order number (Admin Center → Objects and rules → Tickets → Fields).",
      secret: false,
      required: false,
      placeholder: "360001234567",
    },
  ],
  // Ticketing API limits start at 200 requests a minute (Team plan): about 3 a second.
  defaultRatePerSecond: 3,
  defaultConcurrency: 2,

  async send(message, credentials, config, context) {
    const base = apiBase(context, config);
    if (!base) return { ok: false, retryable: false, error: "the Zendesk subdomain is missing or not valid: enter it as it appears in https://<subdomain>.zendesk.com" };
    const answer = await context.request({
      url: `${base}/api/v2/tickets.json`,
      headers: {
        authorization: authorization(credentials),
        // Zendesk replays the first answer for a repeated key, so a retry after a lost answer opens no second ticket.
        "idempotency-key": message.idempotencyKey,
      },
      json: ticketBody(message, config),
      refusal: ({ json }) => (json && typeof json === "object" ? { error: describeZendeskError(json as ZendeskErrorBody) } : null),
    });
    if (!answer.ok) return answer;
    const id = (answer.json as { ticket?: { id?: number | string } } | null)?.ticket?.id;
    return { ok: true, providerMessageId: id === undefined || id === null ? null : String(id), httpStatus: answer.status };
  },
  // No status callbacks: Zendesk webhooks report ticket events (created, solved, commented), never whether the
  // notification email reached the customer, so nothing maps to delivered or failed.
};
