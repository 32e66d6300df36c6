import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendResult } from "../channel-provider";
import { createHash } from "node:crypto";
import { INTERCOM_API, intercomBase, intercomCall } from "./intercom-api";
import { secretText } from "../credential-rules";

const credentialsSchema = z.object({ accessToken: secretText("access token", 8) });
const configSchema = z.object({
  /** The admin (teammate) the email comes from: an integer id. */
  adminId: z.coerce.number().int().positive(),
  region: z.enum(["us", "eu", "au"]).optional(),
  template: z.enum(["plain", "personal"]).optional(),
});

type Credentials = z.infer<typeof credentialsSchema>;
type Config = z.infer<typeof configSchema>;

type Contact = { id?: string; role?: string };
type Post = <T>(path: string, payload: unknown) => ReturnType<typeof intercomCall<T>>;

/**
 * Intercom's messages API takes no idempotency key (its 2.14 description has none, nor a metadata field),
 * so the message carries its own: a single word derived from our key, which conversation search matches
 * word by word in `source.body`. A retry first looks for a conversation that already holds it.
 */
export function intercomReference(idempotencyKey: string): string {
  return `ob${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}`;
}

function withReference(body: string, reference: string, html: boolean): string {
  return html ? `${body}<p style="color:#9ca3af;font-size:11px">Ref. ${reference}</p>` : `${body}\n\nRef. ${reference}`;
}

/** The conversation an earlier attempt of this message started, if any. */
async function alreadySent(reference: string, post: Post): Promise<{ ok: true; id: string | null } | { ok: false; result: SendResult }> {
  const search = await post<{ conversations?: Array<{ id?: string }> }>("/conversations/search", { query: { field: "source.body", operator: "=", value: reference } });
  if (!search.ok) return search;
  const id = search.body.conversations?.[0]?.id;
  return { ok: true, id: id ? String(id) : null };
}

/**
 * The contact to write to: found by email (a user before a lead when both exist), else created as a user.
 * A 409 from the creation means another request created it meanwhile; Intercom names its id.
 */
async function contactFor(message: OutboundMessage, post: Post): Promise<{ ok: true; id: string; role: "user" | "lead" } | { ok: false; result: SendResult }> {
  const search = await post<{ data?: Contact[] }>("/contacts/search", { query: { field: "email", operator: "=", value: message.to } });
  if (!search.ok) return search;
  const found = search.body.data?.find((contact) => contact.role === "user") ?? search.body.data?.[0];
  if (found?.id) return { ok: true, id: found.id, role: found.role === "lead" ? "lead" : "user" };

  const { name, phone } = message.order.customer;
  const created = await post<Contact>("/contacts", { role: "user", email: message.to, ...(name ? { name } : {}), ...(phone ? { phone } : {}) });
  if (created.ok && created.body.id) return { ok: true, id: created.body.id, role: created.body.role === "lead" ? "lead" : "user" };
  if (!created.ok && created.status === 409) {
    const existingId = /id=([0-9a-f]+)/i.exec(created.body?.errors?.[0]?.message ?? "")?.[1];
    if (existingId) return { ok: true, id: existingId, role: "user" };
  }
  return created.ok ? { ok: false, result: { ok: false, retryable: false, error: "Intercom answered the contact creation without an id" } } : created;
}

/**
 * Intercom: sends the rendered confirmation as an outbound email from a teammate to the customer's contact
 * (found by email or created), so replies land in the Intercom inbox.
 */
export const intercomProvider: ChannelProvider<Credentials, Config> = {
  id: "intercom",
  name: "Intercom",
  kind: "crm",
  description: "Finds or creates the customer's Intercom contact and sends the confirmation as an email from a teammate.",
  docsUrl: "https://developers.intercom.com/docs/references/2.14/rest-api/api.intercom.io/messages/createmessage",
  recipient: "email",
  defaultBaseUrl: INTERCOM_API,
  credentialsSchema,
  configSchema,
  fields: [
    {
      name: "accessToken",
      label: "Access token",
      help: "Developer Hub (app.intercom.com/a/apps/_/developer-hub) → your app → Authentication → Access token. The app needs read and write access to users/contacts and to conversations.",
      secret: true,
      required: true,
    },
    {
      name: "adminId",
      label: "Sender admin id",
      help: "The teammate the email comes from: the number at the end of their profile URL in Intercom (…/admins/123456), or GET /admins.",
      secret: false,
      required: true,
      placeholder: "123456",
    },
    {
      name: "region",
      label: "Data hosting region",
      help: "Where your workspace is hosted (Settings → Workspace → General).",
      secret: false,
      required: false,
      options: [
        { value: "us", label: "United States (default)" },
        { value: "eu", label: "Europe" },
        { value: "au", label: "Australia" },
      ],
    },
    {
      name: "template",
      label: "Email style",
      help: "Plain sends Orderbell's designed email as is; personal wraps it like a letter from the teammate.",
      secret: false,
      required: false,
      options: [
        { value: "plain", label: "Plain (default)" },
        { value: "personal", label: "Personal" },
      ],
    },
  ],
  // Private apps get 10,000 calls a minute, spread over 10-second windows; a send makes two or three calls.
  defaultRatePerSecond: 20,
  defaultConcurrency: 5,

  async send(message, credentials, config, context) {
    const base = intercomBase(context, config.region);
    const post: Post = (path, payload) => intercomCall(context, base, credentials.accessToken, "POST", path, payload);
    const reference = intercomReference(message.idempotencyKey);
    const earlier = await alreadySent(reference, post);
    if (!earlier.ok) return earlier.result;
    if (earlier.id) return { ok: true, providerMessageId: earlier.id };
    const contact = await contactFor(message, post);
    if (!contact.ok) return contact.result;
    const sent = await post<{ id?: string; conversation_id?: string }>("/messages", {
      message_type: "email",
      subject: message.subject ?? `Order ${message.order.number} confirmed`,
      body: withReference(message.html ?? message.text, reference, message.html !== null),
      template: config.template ?? "plain",
      from: { type: "admin", id: Number(config.adminId) },
      to: { type: contact.role, id: contact.id },
    });
    if (!sent.ok) return sent.result;
    // The conversation id, when Intercom gives one, is what a retry's search finds: one id for both.
    const id = sent.body.conversation_id ?? sent.body.id;
    return { ok: true, providerMessageId: id ? String(id) : null, httpStatus: sent.status };
  },
  // No status callbacks: Intercom's webhooks (signed X-Hub-Signature) cover conversations and contacts, with no
  // delivered or bounced topic for an outbound email.
};
