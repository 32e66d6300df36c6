import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import type { TokenGrant } from "../oauth/oauth-token";
import { contactRecord, salesOrderRecord } from "./order-records";
import { ZOHO_DEFAULT_API, zohoPost } from "./zoho-api";
import { secretText } from "../credential-rules";

export const ZOHO_MODES = ["sales_order", "send_mail"] as const;

/** Each Zoho data centre has its own accounts server, which issues tokens for its accounts only. */
export const ZOHO_ACCOUNTS_SERVERS = [
  { value: "https://accounts.zoho.com", label: "United States (zoho.com)" },
  { value: "https://accounts.zoho.eu", label: "Europe (zoho.eu)" },
  { value: "https://accounts.zoho.in", label: "India (zoho.in)" },
  { value: "https://accounts.zoho.com.au", label: "Australia (zoho.com.au)" },
  { value: "https://accounts.zoho.jp", label: "Japan (zoho.jp)" },
  { value: "https://accounts.zohocloud.ca", label: "Canada (zohocloud.ca)" },
  { value: "https://accounts.zoho.sa", label: "Saudi Arabia (zoho.sa)" },
  { value: "https://accounts.zoho.com.cn", label: "China (zoho.com.cn)" },
] as const;

const credentialsSchema = z.object({
  clientId: secretText("client ID", 8),
  clientSecret: secretText("client secret", 8),
  refreshToken: secretText("refresh token", 8),
});

const configSchema = z
  .object({
    accountsUrl: z.string().trim().url().optional(),
    tokenUrl: z.string().trim().url().optional(),
    mode: z.enum(ZOHO_MODES).optional(),
    /** Sales orders: a catch-all Products record id for Ordered_Items lines. */
    productId: z.string().trim().regex(/^\d+$/).optional(),
    /** send_mail: a verified sender of the CRM account (a user's or an organization email). */
    fromEmail: z.string().trim().optional(),
    fromName: z.string().trim().optional(),
  })
  .refine((value) => value.mode !== "send_mail" || Boolean(value.fromEmail), { message: "Sending mail needs a verified from address.", path: ["fromEmail"] });

type Credentials = z.infer<typeof credentialsSchema>;
type Config = z.infer<typeof configSchema>;

/**
 * The customer's Contacts record, created or updated by email (Upsert with duplicate_check_fields Email),
 * so the sales order's workflow email and send_mail both have someone to write to.
 */
async function upsertContact(message: OutboundMessage, grant: TokenGrant, context: SendContext) {
  const answer = await zohoPost(context, grant, "/Contacts/upsert", { data: [contactRecord(message)], duplicate_check_fields: ["Email"] });
  if (!answer.ok) return answer;
  const id = answer.record.details?.id;
  if (!id) return { ok: false as const, result: { ok: false as const, retryable: false, error: "Zoho answered the contact upsert without a record id" } };
  return { ok: true as const, contactId: String(id) };
}

async function createSalesOrder(message: OutboundMessage, config: Config, grant: TokenGrant, context: SendContext): Promise<SendResult> {
  const contact = await upsertContact(message, grant, context);
  if (!contact.ok) return contact.result;
  // trigger ["workflow"]: API inserts skip workflow rules unless asked, and the store's rule is what emails.
  const answer = await zohoPost(context, grant, "/Sales_Orders", { data: [salesOrderRecord(message, contact.contactId, config.productId)], trigger: ["workflow"] });
  if (answer.ok) return { ok: true, providerMessageId: answer.record.details?.id ?? null, httpStatus: answer.status };
  // The same Subject already exists when the store checks Sales Orders for duplicates by Subject: an earlier
  // attempt for this order created it and its answer was lost.
  const duplicateId = answer.record?.code === "DUPLICATE_DATA" ? answer.record.details?.duplicate_record?.id : undefined;
  if (duplicateId) return { ok: true, providerMessageId: String(duplicateId) };
  return answer.result;
}

async function sendMail(message: OutboundMessage, config: Config, grant: TokenGrant, context: SendContext): Promise<SendResult> {
  if (!config.fromEmail) return { ok: false, retryable: false, error: "set the from address (a verified sender of the Zoho CRM account) to send mail" };
  const contact = await upsertContact(message, grant, context);
  if (!contact.ok) return contact.result;
  const answer = await zohoPost(context, grant, `/Contacts/${contact.contactId}/actions/send_mail`, {
    data: [
      {
        from: { user_name: config.fromName ?? message.variables["store.name"] ?? config.fromEmail, email: config.fromEmail },
        to: [{ user_name: message.order.customer.name ?? message.to, email: message.to }],
        subject: message.subject ?? `Order ${message.order.number} confirmed`,
        content: message.html ?? message.text,
        mail_format: message.html ? "html" : "text",
      },
    ],
  });
  if (!answer.ok) return answer.result;
  return { ok: true, providerMessageId: answer.record.details?.message_id ?? null, httpStatus: answer.status };
}

/**
 * Zoho CRM: records the order as a Sales Order linked to the customer's Contact, with workflow rules
 * triggered so the store's own rule emails the confirmation; or sends the rendered email from the Contact.
 */
export const zohoCrmProvider: ChannelProvider<Credentials, Config> = {
  id: "zoho-crm",
  name: "Zoho CRM",
  kind: "crm",
  description: "Creates a Sales Order for the customer's Contact so a Zoho workflow emails them, or sends the email from the Contact.",
  docsUrl: "https://www.zoho.com/crm/developer/docs/api/v7/insert-records.html",
  recipient: "email",
  defaultBaseUrl: ZOHO_DEFAULT_API,
  credentialsSchema,
  configSchema,
  fields: [
    {
      name: "clientId",
      label: "Client ID",
      help: "api-console.zoho.com (on your data centre's domain) → Add Client → Self Client → Client ID.",
      secret: true,
      required: true,
    },
    { name: "clientSecret", label: "Client secret", help: "Shown with the Client ID in the API console.", secret: true, required: true },
    {
      name: "refreshToken",
      label: "Refresh token",
      help: "Self Client → Generate Code with scopes ZohoCRM.modules.contacts.ALL,ZohoCRM.modules.salesorders.CREATE,ZohoCRM.send_mail.contacts.CREATE, then exchange the code for a refresh token (grant_type=authorization_code).",
      secret: true,
      required: true,
    },
    {
      name: "accountsUrl",
      label: "Data centre",
      help: "Where your Zoho account lives (the domain you sign in on). The API host then comes from the token's api_domain.",
      secret: false,
      required: false,
      options: ZOHO_ACCOUNTS_SERVERS.map((server) => ({ value: server.value, label: server.label })),
    },
    { name: "tokenUrl", label: "Token URL (optional)", help: "Only to override the token endpoint; default <data centre>/oauth/v2/token.", secret: false, required: false },
    {
      name: "mode",
      label: "What to do",
      help: "Sales order: Orderbell creates a Sales Order (workflow rules triggered) and the store's workflow rule sends the email. Send mail: Zoho sends Orderbell's rendered email from the customer's Contact.",
      secret: false,
      required: false,
      options: [
        { value: "sales_order", label: "Create a sales order (default)" },
        { value: "send_mail", label: "Send the email from the contact" },
      ],
    },
    {
      name: "productId",
      label: "Product for order lines (optional)",
      help: "Sales orders: the record id of a Products record (e.g. \"Online order item\") to use for every Ordered_Items line; without it the items are only listed in the Description. Zoho requires a line item on Sales Orders unless your layout says otherwise.",
      secret: false,
      required: false,
    },
    { name: "fromEmail", label: "From address", help: "Send mail: a verified sender of your CRM account (your user email or an organization email).", secret: false, required: false },
    { name: "fromName", label: "From name", help: "Send mail: the sender name; default the store name.", secret: false, required: false },
  ],
  // Zoho counts API credits per day and caps concurrent calls per org (10 on Standard); a send makes two calls.
  defaultRatePerSecond: 2,
  defaultConcurrency: 5,

  async send(message, credentials, config, context) {
    const accounts = (config.accountsUrl ?? ZOHO_ACCOUNTS_SERVERS[0].value).replace(/\/+$/, "");
    const grant: TokenGrant = {
      type: "refresh_token",
      tokenUrl: config.tokenUrl ?? `${accounts}/oauth/v2/token`,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      refreshToken: credentials.refreshToken,
    };
    return (config.mode ?? "sales_order") === "send_mail" ? sendMail(message, config, grant, context) : createSalesOrder(message, config, grant, context);
  },
  // No status callbacks: Zoho CRM does not report email delivery to a webhook.
};
