import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { ACTIVECAMPAIGN_DEFAULT_BASE_URL, activeCampaignCall, apiRoot } from "./activecampaign-api";
import { secretText } from "../credential-rules";

const credentialsSchema = z.object({ apiToken: secretText("API key", 8) });
const configSchema = z.object({
  account: z.string().trim().min(1),
  connectionId: z.string().trim().regex(/^\d+$/),
});

type Credentials = z.infer<typeof credentialsSchema>;
type Config = z.infer<typeof configSchema>;

type Call = <T>(method: "GET" | "POST", path: string, payload?: unknown) => ReturnType<typeof activeCampaignCall<T>>;

function nameParts(name: string | null): { firstName?: string; lastName?: string } {
  const [first, ...rest] = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return { ...(first ? { firstName: first } : {}), ...(rest.length > 0 ? { lastName: rest.join(" ") } : {}) };
}

/**
 * The e-commerce customer of this connection for the email: looked up, else created with the email as its
 * external id (Orderbell has no store customer id that would survive across sources).
 */
async function ecomCustomerId(message: OutboundMessage, connectionId: string, call: Call): Promise<{ ok: true; id: string } | { ok: false; result: SendResult }> {
  const query = new URLSearchParams({ "filters[email]": message.to, "filters[connectionid]": connectionId });
  const found = await call<{ ecomCustomers?: Array<{ id?: string }> }>("GET", `/ecomCustomers?${query}`);
  if (!found.ok) return found;
  const existing = found.body.ecomCustomers?.[0]?.id;
  if (existing) return { ok: true, id: String(existing) };
  const created = await call<{ ecomCustomer?: { id?: string } }>("POST", "/ecomCustomers", { ecomCustomer: { connectionid: connectionId, externalid: message.to, email: message.to } });
  if (!created.ok) return created;
  const id = created.body.ecomCustomer?.id;
  return id ? { ok: true, id: String(id) } : { ok: false, result: { ok: false, retryable: false, error: "ActiveCampaign answered the customer creation without an id" } };
}

/** The Deep Data order, money in cents (minor units) as ActiveCampaign expects. */
export function ecomOrder(message: OutboundMessage, connectionId: string, customerId: string) {
  const { order } = message;
  return {
    ecomOrder: {
      externalid: order.id,
      // "1": a real-time order, which starts the store's e-commerce automations; "0" would be a silent import.
      source: "1",
      email: message.to,
      orderProducts: order.items.map((item, index) => ({
        externalid: item.sku ?? `${order.id}-${index + 1}`,
        name: item.variant ? `${item.name} (${item.variant})` : item.name,
        price: item.unitPrice,
        quantity: item.quantity,
        ...(item.sku ? { sku: item.sku } : {}),
      })),
      orderUrl: order.receiptUrl,
      externalCreatedDate: order.placedAt ?? new Date().toISOString(),
      totalPrice: order.total,
      shippingAmount: order.shippingTotal,
      taxAmount: order.taxTotal,
      discountAmount: order.discountTotal,
      currency: order.currency,
      orderNumber: order.number,
      connectionid: Number(connectionId),
      customerid: Number(customerId),
    },
  };
}

/**
 * ActiveCampaign Deep Data: syncs the customer's contact and records the order as a real-time e-commerce
 * order, which starts the store's "makes a purchase" automations that send the confirmation.
 */
export const activecampaignProvider: ChannelProvider<Credentials, Config> = {
  id: "activecampaign",
  name: "ActiveCampaign",
  kind: "crm",
  description: "Syncs the contact and records the order through Deep Data, starting the store's ActiveCampaign purchase automations.",
  docsUrl: "https://developers.activecampaign.com/reference/create-order",
  recipient: "email",
  defaultBaseUrl: ACTIVECAMPAIGN_DEFAULT_BASE_URL,
  credentialsSchema,
  configSchema,
  fields: [
    { name: "apiToken", label: "API key", help: "Settings → Developer → API Access → Key.", secret: true, required: true },
    {
      name: "account",
      label: "Account or API URL",
      help: "Settings → Developer → API Access → URL, e.g. https://acme.api-us1.com (or just the account name, acme).",
      secret: false,
      required: true,
      placeholder: "https://acme.api-us1.com",
    },
    {
      name: "connectionId",
      label: "Deep Data connection id",
      help: "The id of the e-commerce connection orders belong to (GET /api/3/connections lists them; create one for Orderbell with POST /api/3/connections).",
      secret: false,
      required: true,
      placeholder: "1",
    },
  ],
  // The API allows 5 requests a second per account, and one send makes three or four (contact, customer
  // lookup, maybe customer creation, order): about one send a second.
  defaultRatePerSecond: 1,
  defaultConcurrency: 1,

  async send(message, credentials, config, context: SendContext) {
    const root = apiRoot(context, config.account);
    if (!root) return { ok: false, retryable: false, error: "the ActiveCampaign account is not valid: enter your API URL, e.g. https://acme.api-us1.com" };
    const call: Call = (method, path, payload) => activeCampaignCall(context, root, credentials.apiToken, method, path, payload);

    const contact = await call<{ contact?: { id?: string } }>("POST", "/contact/sync", {
      contact: { email: message.to, ...nameParts(message.order.customer.name), ...(message.order.customer.phone ? { phone: message.order.customer.phone } : {}) },
    });
    if (!contact.ok) return contact.result;
    const customer = await ecomCustomerId(message, config.connectionId, call);
    if (!customer.ok) return customer.result;

    const order = await call<{ ecomOrder?: { id?: string } }>("POST", "/ecomOrders", ecomOrder(message, config.connectionId, customer.id));
    if (order.ok) return { ok: true, providerMessageId: order.body.ecomOrder?.id ? String(order.body.ecomOrder.id) : null, httpStatus: order.status };
    // The order's external id is already taken on this connection: an earlier attempt recorded this very order
    // (its answer was lost) and its automations have started. Recording it twice is not possible, so it is done.
    const duplicate = order.status === 422 && (order.body?.errors ?? []).some((error) => error.code === "duplicate" && (error.source?.pointer ?? "").endsWith("externalid"));
    if (duplicate) return { ok: true, providerMessageId: null, httpStatus: order.status };
    return order.result;
  },
  // No status callbacks: ActiveCampaign webhooks report contact and campaign activity, not this order's email.
};
