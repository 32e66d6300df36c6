import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { HUBSPOT_API, hubspotPost, upsertContact } from "./hubspot-api";
import { noteBody, splitName, transactionalCustomProperties } from "./order-content";
import { secretText } from "../credential-rules";

export const HUBSPOT_MODES = ["transactional_email", "timeline_note"] as const;
const DEFAULT_MODE = "timeline_note";

const credentialsSchema = z.object({ accessToken: secretText("private app access token", 8) });

const configSchema = z
  .object({
    mode: z.enum(HUBSPOT_MODES).optional(),
    /** The transactional email's content id (an integer), for mode transactional_email. */
    emailId: z.coerce.number().int().positive().optional(),
  })
  .refine((value) => value.mode !== "transactional_email" || value.emailId !== undefined, {
    message: "Transactional email needs the email id of a published transactional email.",
    path: ["emailId"],
  });

type Credentials = z.infer<typeof credentialsSchema>;
type Config = z.infer<typeof configSchema>;

/** sendResult values that still mean "sent" (or already sent for this sendId), and those worth retrying. */
const SENT_RESULTS = new Set(["SENT", "QUEUED", "IDEMPOTENT_IGNORE"]);
const RETRYABLE_RESULTS = new Set(["THROTTLED", "PORTAL_OVER_LIMIT"]);

type SendAnswer = { status?: string; statusId?: string; sendResult?: string; message?: string };

function contactOf(message: OutboundMessage) {
  const { first, last } = splitName(message.order.customer.name);
  return { email: message.to, firstname: first, lastname: last, phone: message.order.customer.phone };
}

async function sendTransactionalEmail(message: OutboundMessage, token: string, emailId: number, context: SendContext): Promise<SendResult> {
  const contact = contactOf(message);
  const upserted = await upsertContact(context, token, contact);
  if (!upserted.ok) return upserted.result;
  const contactProperties: Record<string, string> = {};
  if (contact.firstname) contactProperties.firstname = contact.firstname;
  if (contact.lastname) contactProperties.lastname = contact.lastname;
  const answer = await hubspotPost<SendAnswer>(context, token, "/marketing/v3/transactional/single-email/send", {
    emailId,
    // sendId: HubSpot sends at most one email per sendId, so a retry after a lost answer sends nothing twice.
    message: { to: message.to, sendId: message.idempotencyKey },
    contactProperties,
    customProperties: transactionalCustomProperties(message),
  });
  if (!answer.ok) return answer.result;
  const { statusId, sendResult } = answer.body;
  // The send is asynchronous: usually PENDING with no sendResult yet. A result already there can be a refusal.
  if (sendResult && !SENT_RESULTS.has(sendResult)) {
    return { ok: false, retryable: RETRYABLE_RESULTS.has(sendResult), error: `HTTP ${answer.status}: HubSpot did not send the email: ${sendResult}`, httpStatus: answer.status };
  }
  return { ok: true, providerMessageId: statusId ?? null, httpStatus: answer.status };
}

async function addTimelineNote(message: OutboundMessage, token: string, context: SendContext): Promise<SendResult> {
  const upserted = await upsertContact(context, token, contactOf(message));
  if (!upserted.ok) return upserted.result;
  const answer = await hubspotPost<{ id?: string }>(context, token, "/crm/v3/objects/notes", {
    properties: { hs_timestamp: message.order.placedAt ?? new Date().toISOString(), hs_note_body: noteBody(message) },
    // 202 is HubSpot's note → contact association type.
    associations: [{ to: { id: upserted.contactId }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 202 }] }],
  });
  if (!answer.ok) return answer.result;
  return { ok: true, providerMessageId: answer.body.id ? String(answer.body.id) : null, httpStatus: answer.status };
}

/**
 * HubSpot CRM: keeps the customer's contact up to date and either sends a published transactional email
 * (Marketing Hub transactional add-on) with the order as custom properties, or logs the confirmation as a
 * note on the contact's timeline, where the store's HubSpot workflows and people pick it up.
 */
export const hubspotProvider: ChannelProvider<Credentials, Config> = {
  id: "hubspot",
  name: "HubSpot",
  kind: "crm",
  description: "Upserts the customer's HubSpot contact, then sends a transactional email or logs an order note on the contact.",
  docsUrl: "https://developers.hubspot.com/docs/api-reference/latest/marketing/transactional-emails/create-transactional-email",
  recipient: "email",
  defaultBaseUrl: HUBSPOT_API,
  credentialsSchema,
  configSchema,
  fields: [
    {
      name: "accessToken",
      label: "Private app access token",
      help: "Settings → Integrations → Private Apps → Create a private app. Scopes: crm.objects.contacts.write (and .read); add transactional-email for transactional emails. Copy the token from the Auth tab.",
      secret: true,
      required: true,
      placeholder: "pat-na1-…",
    },
    {
      name: "mode",
      label: "What to do",
      help: "Transactional email needs the Marketing Hub transactional email add-on. A timeline note works on every HubSpot account.",
      secret: false,
      required: false,
      options: [
        { value: "timeline_note", label: "Log a note on the contact (default)" },
        { value: "transactional_email", label: "Send a transactional email" },
      ],
    },
    {
      name: "emailId",
      label: "Transactional email id",
      help: "For transactional emails: Marketing → Email, open the published transactional email, its id is in the URL. The template can use {{ custom.order_number }}, order_total, receipt_url, delivery_estimate, items_html, items_text, item_count, store_name.",
      secret: false,
      required: false,
      placeholder: "123456789",
    },
  ],
  // Private apps get 100 requests per 10 s (190 on Professional/Enterprise); a send makes two requests.
  defaultRatePerSecond: 4,
  defaultConcurrency: 4,

  async send(message, credentials, config, context) {
    const mode = config.mode ?? DEFAULT_MODE;
    if (mode === "transactional_email") {
      if (!config.emailId) return { ok: false, retryable: false, error: "set the transactional email id to send transactional emails" };
      return sendTransactionalEmail(message, credentials.accessToken, Number(config.emailId), context);
    }
    return addTimelineNote(message, credentials.accessToken, context);
  },
  // No status callbacks: HubSpot webhooks cover CRM object changes, not transactional email delivery (that is
  // polled from the email send status API with the statusId we keep).
};
