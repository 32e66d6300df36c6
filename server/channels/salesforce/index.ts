import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import type { TokenGrant } from "../oauth/oauth-token";
import { DEFAULT_EXTERNAL_ID_FIELD, DEFAULT_ORDER_OBJECT, existingRecordId, orderRecordFields } from "./order-record";
import { SALESFORCE_DEFAULT_BASE_URL, describeSalesforceErrors, myDomainUrl, salesforcePost } from "./salesforce-api";
import { secretText } from "../credential-rules";

export const SALESFORCE_MODES = ["send_email", "order_record"] as const;
const SENDER_TYPES = ["CurrentUser", "OrgWideEmailAddress", "DefaultWorkflowUser"] as const;
const DEFAULT_API_VERSION = "v62.0";
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const credentialsSchema = z.object({ clientId: secretText("consumer key", 8), clientSecret: secretText("consumer secret", 8) });

const configSchema = z
  .object({
    myDomain: z.string().trim().min(1),
    tokenUrl: z.string().trim().url().optional(),
    apiVersion: z.string().trim().regex(/^v?\d+\.\d$/).optional(),
    mode: z.enum(SALESFORCE_MODES).optional(),
    senderType: z.enum(SENDER_TYPES).optional(),
    senderAddress: z.string().trim().optional(),
    sObject: z.string().trim().regex(API_NAME).optional(),
    externalIdField: z.string().trim().regex(API_NAME).optional(),
  })
  .refine((value) => value.senderType !== "OrgWideEmailAddress" || Boolean(value.senderAddress), {
    message: "An organization-wide sender needs its address.",
    path: ["senderAddress"],
  });

type Credentials = z.infer<typeof credentialsSchema>;
type Config = z.infer<typeof configSchema>;

type ActionResult = { actionName?: string; isSuccess?: boolean; errors?: Array<{ statusCode?: string; message?: string; fields?: string[] }> | null };

/**
 * Simple Email Action: Salesforce sends the rendered email itself. It returns no message id, so the result
 * carries none (null) rather than a made-up one. `isSuccess: false` (HTTP 200 or 400) is final: an invalid
 * address, or the org's daily single-email limit, which falls through to the next channel.
 */
async function sendEmail(message: OutboundMessage, config: Config, post: Post): Promise<SendResult> {
  const senderType = config.senderType ?? "CurrentUser";
  const answer = await post("/actions/standard/emailSimple", {
    inputs: [
      {
        emailAddresses: message.to,
        emailSubject: message.subject ?? `Order ${message.order.number} confirmed`,
        emailBody: message.html ?? message.text,
        sendRichBody: message.html !== null,
        senderType,
        ...(senderType === "OrgWideEmailAddress" ? { senderAddress: config.senderAddress } : {}),
      },
    ],
  });
  const result = Array.isArray(answer.body) ? (answer.body[0] as ActionResult | undefined) : undefined;
  const httpStatus = answer.status ? { httpStatus: answer.status } : {};
  if (result && typeof result.isSuccess === "boolean") {
    if (result.isSuccess) return { ok: true, providerMessageId: null, ...httpStatus };
    return { ok: false, retryable: false, error: `HTTP ${answer.status ?? "?"}: emailSimple failed: ${describeSalesforceErrors(result.errors ?? [])}`, ...httpStatus };
  }
  return answer.ok ? { ok: true, providerMessageId: null, httpStatus: answer.status } : answer.result;
}

/** Creates the order record that the store's own Flow turns into an email; the record id is the message id. */
async function createOrderRecord(message: OutboundMessage, config: Config, post: Post): Promise<SendResult> {
  const sObject = config.sObject ?? DEFAULT_ORDER_OBJECT;
  const externalIdField = config.externalIdField ?? DEFAULT_EXTERNAL_ID_FIELD;
  const answer = await post(`/sobjects/${sObject}/`, orderRecordFields(message, externalIdField));
  if (answer.ok) {
    const id = (answer.body as { id?: string } | null)?.id;
    return { ok: true, providerMessageId: id ?? null, httpStatus: answer.status };
  }
  const existing = answer.status === 400 ? existingRecordId(answer.body, externalIdField) : undefined;
  if (existing !== undefined) return { ok: true, providerMessageId: existing, httpStatus: answer.status };
  return answer.result;
}

type Post = (path: string, payload: unknown) => ReturnType<typeof salesforcePost>;

/**
 * Salesforce: with an External Client App using the OAuth client credentials flow, either sends the rendered
 * confirmation through the Simple Email Action, or creates an order record for the store's own Flow to act on.
 */
export const salesforceProvider: ChannelProvider<Credentials, Config> = {
  id: "salesforce",
  name: "Salesforce",
  kind: "crm",
  description: "Sends the confirmation through Salesforce's Send Email action, or creates an order record that the store's Flow emails.",
  docsUrl: "https://developer.salesforce.com/docs/atlas.en-us.api_action.meta/api_action/actions_obj_email_simple.htm",
  recipient: "email",
  defaultBaseUrl: SALESFORCE_DEFAULT_BASE_URL,
  credentialsSchema,
  configSchema,
  fields: [
    {
      name: "clientId",
      label: "Consumer key",
      help: "Setup → External Client App Manager (or App Manager) → your app with OAuth enabled and the Client Credentials Flow enabled with a Run As user → Consumer Key and Secret.",
      secret: true,
      required: true,
    },
    { name: "clientSecret", label: "Consumer secret", help: "Shown next to the consumer key (Manage Consumer Details).", secret: true, required: true },
    {
      name: "myDomain",
      label: "My Domain",
      help: "Setup → My Domain: your org's address, e.g. https://acme.my.salesforce.com (sandboxes: https://acme--dev.sandbox.my.salesforce.com). The client credentials flow only works on it, not on login.salesforce.com.",
      secret: false,
      required: true,
      placeholder: "https://acme.my.salesforce.com",
    },
    { name: "tokenUrl", label: "Token URL (optional)", help: "Only to override the token endpoint; default <My Domain>/services/oauth2/token.", secret: false, required: false },
    { name: "apiVersion", label: "API version", help: "REST API version, default v62.0.", secret: false, required: false, placeholder: DEFAULT_API_VERSION },
    {
      name: "mode",
      label: "What to do",
      help: "Send email: Salesforce sends the rendered confirmation (counts toward the org's daily single-email limit). Order record: Orderbell creates a record and the store's record-triggered Flow sends.",
      secret: false,
      required: false,
      options: [
        { value: "send_email", label: "Send the email (default)" },
        { value: "order_record", label: "Create an order record for a Flow" },
      ],
    },
    {
      name: "senderType",
      label: "Sender",
      help: "Send email mode: whose address the email comes from.",
      secret: false,
      required: false,
      options: [
        { value: "CurrentUser", label: "The app's Run As user (default)" },
        { value: "OrgWideEmailAddress", label: "An organization-wide email address" },
        { value: "DefaultWorkflowUser", label: "The default workflow user" },
      ],
    },
    { name: "senderAddress", label: "Organization-wide address", help: "With the organization-wide sender: a verified address from Setup → Organization-Wide Addresses.", secret: false, required: false },
    {
      name: "sObject",
      label: "Order object",
      help: `Order record mode: the object's API name, default ${DEFAULT_ORDER_OBJECT}. It needs the text fields Order_Number__c, Customer_Email__c, Customer_Name__c, Customer_Phone__c, Currency_Code__c, Receipt_URL__c, Delivery_Estimate__c, Items__c, Email_Subject__c, Email_Body__c, the number Order_Total__c and the date/time Placed_At__c.`,
      secret: false,
      required: false,
      placeholder: DEFAULT_ORDER_OBJECT,
    },
    {
      name: "externalIdField",
      label: "External id field",
      help: `Order record mode: a Text field marked Unique and External ID that receives Orderbell's key, default ${DEFAULT_EXTERNAL_ID_FIELD}; it stops a retried send from creating a second record.`,
      secret: false,
      required: false,
      placeholder: DEFAULT_EXTERNAL_ID_FIELD,
    },
  ],
  // Salesforce limits API calls per 24 h and long-running concurrent calls (25), not per second.
  defaultRatePerSecond: 5,
  defaultConcurrency: 5,

  async send(message, credentials, config, context: SendContext) {
    const host = myDomainUrl(config.myDomain ?? "");
    if (!host) return { ok: false, retryable: false, error: "the My Domain is not valid: enter it as https://<your domain>.my.salesforce.com" };
    const grant: TokenGrant = { type: "client_credentials", tokenUrl: config.tokenUrl ?? `${host}/services/oauth2/token`, clientId: credentials.clientId, clientSecret: credentials.clientSecret };
    const version = (config.apiVersion ?? DEFAULT_API_VERSION).replace(/^v?/, "v");
    const post: Post = (path, payload) => salesforcePost(context, grant, host, version, path, payload);
    return (config.mode ?? "send_email") === "order_record" ? createOrderRecord(message, config, post) : sendEmail(message, config, post);
  },
  // No status callbacks: Salesforce does not call back about single emails.
};
