import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { DEFAULT_SMTP_PORTS, smtpConfigSchema, smtpCredentialsSchema, smtpFields, type SmtpConfig, type SmtpCredentials } from "./settings";
import { smtpFailure } from "./smtp-failure";

export type { SmtpConfig, SmtpCredentials } from "./settings";

/** The header that carries our idempotency key, so a message can be traced back (and deduplicated) downstream. */
export const IDEMPOTENCY_HEADER = "X-Orderbell-Idempotency-Key";

/**
 * A Message-ID derived from the idempotency key: a retry after a lost answer carries the same id, so
 * mail systems that deduplicate by Message-ID (Gmail does) show the confirmation once.
 */
export function smtpMessageId(idempotencyKey: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1) || "orderbell.invalid";
  return `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}@${domain}>`;
}

/**
 * nodemailer options for the chosen security: `tls` is implicit TLS from the first byte; `starttls` must
 * upgrade (requireTLS) and fails rather than sending the password in clear text; `none` never tries TLS,
 * for a relay on the same machine or network. Certificates are always verified.
 */
export function transportOptions(credentials: SmtpCredentials, config: SmtpConfig, timeoutMs: number): SMTPTransport.Options {
  return {
    host: config.host,
    port: config.port ?? DEFAULT_SMTP_PORTS[config.security],
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    ...(credentials.username && credentials.password ? { auth: { user: credentials.username, pass: credentials.password } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Rendered templates never need local files or remote URLs as content.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

async function send(message: OutboundMessage, credentials: SmtpCredentials, config: SmtpConfig, context: SendContext): Promise<SendResult> {
  const transport = nodemailer.createTransport(transportOptions(credentials, config, context.timeoutMs));
  let timer: NodeJS.Timeout | undefined;
  // nodemailer's timeouts are per step (connect, greeting, each reply); this bounds the whole conversation.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("Timeout"), { code: "ETIMEDOUT" })), context.timeoutMs);
  });
  try {
    const info = await Promise.race([
      transport.sendMail({
        from: { name: config.fromName, address: config.fromAddress },
        to: message.to,
        ...(config.replyTo ? { replyTo: config.replyTo } : {}),
        subject: message.subject ?? `Order ${message.order.number}`,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: smtpMessageId(message.idempotencyKey, config.fromAddress),
        headers: { [IDEMPOTENCY_HEADER]: message.idempotencyKey },
      }),
      deadline,
    ]);
    return { ok: true, providerMessageId: info.messageId ?? null };
  } catch (error) {
    return smtpFailure(error, { timeoutMs: context.timeoutMs, host: config.host, secrets: context.secrets });
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}

export const smtpProvider: ChannelProvider<SmtpCredentials, SmtpConfig> = {
  id: "smtp",
  name: "SMTP",
  kind: "email",
  description: "Sends order confirmation emails through any SMTP server or relay (your mail provider, Postfix, a transactional service's SMTP endpoint).",
  docsUrl: "https://nodemailer.com/smtp/",
  recipient: "email",
  // Not HTTP: the server is the host and port in the config.
  defaultBaseUrl: null,
  credentialsSchema: smtpCredentialsSchema,
  configSchema: smtpConfigSchema,
  fields: smtpFields,
  // There is no common documented limit; mailbox providers allow roughly 30 messages a minute (Microsoft
  // 365) to a few per second. One connection at a time, one message a second stays clear of most of them
  // and 4xx throttling answers are retried anyway.
  defaultRatePerSecond: 1,
  defaultConcurrency: 1,
  send,
};
