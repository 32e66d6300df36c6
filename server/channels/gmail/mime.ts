import MailComposer from "nodemailer/lib/mail-composer";
import type { OutboundMessage } from "../channel-provider";
import type { GmailConfig } from "./settings";

/**
 * The RFC 2822 message Gmail sends as it is, built by nodemailer's MailComposer: From, To, Subject
 * (RFC 2047 encoded words when not ASCII), Date, Message-ID, MIME-Version 1.0, multipart/alternative with
 * the text part before the HTML one, CRLF line ends, and our idempotency key as a header so a sent message
 * can be found in the mailbox.
 */
export async function composeMime(message: OutboundMessage, config: GmailConfig): Promise<Buffer> {
  // MailComposer keeps a 7bit body's line breaks as given; RFC 2822 wants CRLF everywhere.
  const crlf = (value: string) => value.replace(/\r?\n/g, "\r\n");
  const composer = new MailComposer({
    from: { name: config.fromName, address: config.fromAddress },
    to: message.to,
    ...(config.replyTo ? { replyTo: config.replyTo } : {}),
    subject: message.subject ?? "",
    text: crlf(message.text),
    ...(message.html ? { html: crlf(message.html) } : {}),
    headers: { "X-Orderbell-Idempotency-Key": message.idempotencyKey },
  });
  return composer.compile().build();
}

/** Gmail's `raw`: the message in the URL-safe base64 alphabet; padding is optional, so none is sent. */
export async function rawMessage(message: OutboundMessage, config: GmailConfig): Promise<string> {
  return (await composeMime(message, config)).toString("base64url");
}
