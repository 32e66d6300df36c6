import type { z } from "zod";
import type { CredentialField } from "@/lib/channels/credential-field";
import type { ChannelKind, ProviderId, RecipientKind } from "@/lib/channels/provider-ids";
import type { ProviderAnswer, ProviderRequest, SecretSet, SendFailure } from "./provider-request";

export type { CredentialField } from "@/lib/channels/credential-field";
export type { RecipientKind } from "@/lib/channels/provider-ids";

/** A message as rendered for one recipient: what the timeline shows as sent. */
export type OutboundMessage = {
  /** The address, number or id, as RecipientKind says. */
  to: string;
  /** Email subject, or a title for providers that have one. */
  subject: string | null;
  /** Plain text: the body of SMS and chat messages, and the text part of emails. */
  text: string;
  /** HTML for email providers. */
  html: string | null;
  /** Structured order data for CRM, support and event providers (Klaviyo, HubSpot, Zendesk…). */
  order: OutboundOrder;
  /**
   * The template variables as display strings, by dotted name ("order.number": "#1001", "order.total":
   * "$158.57", "customer.first_name": "Ada", "order.receipt_url", "order.delivery_estimate", "store.name"…):
   * what WhatsApp template parameters and similar positional fields are mapped from.
   */
  variables: Record<string, string>;
  /**
   * An approved provider template chosen on the message's template (WhatsApp: name, language and the
   * variables that fill {{1}}, {{2}}…). When present it takes precedence over the channel's own setting.
   */
  providerTemplate?: ProviderTemplate | null;
  /** Unique per (order, flow step, channel): passed to providers that accept one, and used as a reference. */
  idempotencyKey: string;
  /** Where the provider should post delivery updates for this message (our /api/status/<channelId>). */
  statusCallbackUrl: string;
};

export type ProviderTemplate = { name: string; languageCode: string; bodyParameters: string[] };

export type OutboundOrder = {
  id: string;
  number: string;
  currency: string;
  total: number;
  subtotal: number;
  taxTotal: number;
  shippingTotal: number;
  discountTotal: number;
  items: Array<{ name: string; variant: string | null; sku: string | null; quantity: number; unitPrice: number; lineTotal: number }>;
  customer: { name: string | null; email: string | null; phone: string | null };
  receiptUrl: string;
  statusUrl: string | null;
  deliveryEstimate: string | null;
  placedAt: string | null;
  locale: string;
};

export type SendContext = {
  /**
   * The one way an adapter calls its provider (server/channels/provider-request.ts): the channel's
   * timeout, network errors, Retry-After, retryable / permanent classification and the error excerpt with
   * every credential redacted. Answers the provider's reply, or the classified failure to return as is.
   */
  request(request: ProviderRequest): Promise<ProviderAnswer | SendFailure>;
  /** The provider's API base URL, or the channel's override (regional hosts, local fakes in tests). */
  baseUrl: string;
  timeoutMs: number;
  /** The channel's credentials and the tokens derived from them: never in an error text. */
  secrets: SecretSet;
  /** Shared per-process cache, e.g. OAuth access tokens until they expire. */
  cache: Map<string, unknown>;
  /** Where the built-in sandbox provider records what it "sends" (the dispatcher writes it to the database). */
  sandbox?: { record(message: OutboundMessage): Promise<string> };
};

/**
 * The outcome of one send. `retryable` failures are tried again later (network errors, timeouts, 5xx, 429,
 * throttling reported inside a 200); `permanent` ones move to the next channel of the step's chain (bad
 * recipient, bad credentials, other 4xx). Error text must never contain credentials.
 */
export type SendResult =
  | {
      ok: true;
      providerMessageId: string | null;
      httpStatus?: number;
      /**
       * A message the provider split and reports on part by part (a long SMS through Vonage): every part's
       * id, the first being providerMessageId. Delivery settles once every part has reported.
       */
      providerMessageParts?: string[];
    }
  | SendFailure;

export type DeliveryUpdate = {
  providerMessageId: string;
  status: "delivered" | "failed" | "sent";
  /** The provider's own reason for a failure (bounce, undelivered, error code). */
  reason?: string;
  at?: Date;
};

export type StatusCallbackRequest = {
  /** The public URL the provider called (APP_URL + path + query): Twilio signs it. */
  url: string;
  method: string;
  headers: Headers;
  body: Buffer;
};

type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * One provider (Twilio, Resend, SMTP…). Adapters know nothing of the database: they get a rendered message
 * and their decrypted credentials and return a result. Registered in server/channels/registry.ts.
 */
export interface ChannelProvider<Credentials = Record<string, unknown>, Config = Record<string, unknown>> {
  id: ProviderId;
  name: string;
  kind: ChannelKind;
  /** One line: what Orderbell does with this provider. */
  description: string;
  docsUrl: string;
  recipient: RecipientKind;
  /** For a provider that serves several channel kinds (the sandbox): the recipient per kind. */
  recipientByKind?: Partial<Record<ChannelKind, RecipientKind>>;
  /** The real API base URL; a channel may override it. Null for non-HTTP providers (SMTP, sandbox). */
  defaultBaseUrl: string | null;
  credentialsSchema: z.ZodType<Credentials>;
  configSchema: z.ZodType<Config>;
  /** Form fields, credentials first: the dashboard form is generated from these. */
  fields: CredentialField[];
  /** Documented default send rate (messages per second) and concurrency. */
  defaultRatePerSecond: number;
  defaultConcurrency: number;
  send(message: OutboundMessage, credentials: Credentials, config: Config, context: SendContext): Promise<SendResult>;
  /**
   * Checks a delivery callback the provider's way (signature, certificate…). Absent: the provider has no
   * callbacks. The context is the channel's own (its base URL, timeout and the one request path).
   */
  verifyStatusCallback?(request: StatusCallbackRequest, credentials: Credentials, config: Config, context: SendContext): Verdict | Promise<Verdict>;
  /**
   * The delivery updates a verified callback carries, only those of this channel (a webhook shared by
   * several numbers or accounts also carries the others'). May answer a subscription handshake the
   * provider sends through the same URL (Amazon SNS), which carries no update.
   */
  parseStatusCallback?(request: StatusCallbackRequest, credentials: Credentials, config: Config, context: SendContext): DeliveryUpdate[] | Promise<DeliveryUpdate[]>;
  /**
   * A subscription handshake sent as GET to the callback URL (WhatsApp / Messenger `hub.challenge`): the
   * text to answer with, or null to refuse.
   */
  verificationChallenge?(query: URLSearchParams, credentials: Credentials, config: Config): string | null;
  /** What the provider expects back from a callback (Twilio wants an empty TwiML document, most want 200). */
  statusCallbackResponse?: { status: number; body: string; contentType: string };
}
