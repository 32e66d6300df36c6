import type { SendResult } from "../channel-provider";
import type { SecretSet } from "../provider-request";

/** What nodemailer puts on its errors: our code (EAUTH, ETIMEDOUT…), the server's reply and its code. */
type NodemailerError = { code?: unknown; responseCode?: unknown; response?: unknown; command?: unknown; message?: unknown };

/** TLS spoken to a server that answers in plain SMTP (TLS chosen for a STARTTLS port). */
const WRONG_PROTOCOL = /wrong version number|WRONG_VERSION_NUMBER|packet length too long/i;
const CERTIFICATE_PROBLEM = /certificate|self[- ]signed|CERT_|unable to verify|hostname\/IP does not match|altnames/i;

/**
 * An SMTP failure as a SendResult. The server's reply code decides when there is one (RFC 5321): 4xx is
 * temporary (421 closing, 450/451/452 try later: greylisting, full queue), 5xx is final (550 no such user,
 * 553 bad address, 554 rejected, 535 bad login). Without a reply: no connection, a timeout or a dropped
 * socket can heal and are retried; TLS certificate problems, a refused login method and malformed addresses
 * will not, so they are final.
 */
export function smtpFailure(error: unknown, context: { timeoutMs: number; host: string; secrets: SecretSet }): SendResult {
  const failure = (error ?? {}) as NodemailerError;
  const code = typeof failure.code === "string" ? failure.code : null;
  const reply = typeof failure.response === "string" ? failure.response.trim() : null;
  const message = typeof failure.message === "string" ? failure.message : String(error);
  const replyCode = typeof failure.responseCode === "number" ? failure.responseCode : null;
  // Servers sometimes echo what they were sent: the same redaction rule as every HTTP provider.
  const clean = (text: string) => context.secrets.redact(text).trim().slice(0, 900);

  if (replyCode !== null && replyCode >= 400 && replyCode < 600) {
    const said = clean(reply ?? message);
    if (replyCode === 535 || replyCode === 534 || (replyCode === 530 && code === "EAUTH")) {
      return { ok: false, retryable: false, error: `SMTP login refused (${said}): check the username and password (or app password) for ${context.host}.` };
    }
    if (failure.command === "STARTTLS" && replyCode >= 500) {
      return { ok: false, retryable: false, error: `${context.host} does not offer STARTTLS (${said}): choose TLS (usually port 465), or None only for a relay on your own network.` };
    }
    if (replyCode < 500) return { ok: false, retryable: true, error: `SMTP temporary failure: ${said}` };
    const step = typeof failure.command === "string" ? ` at ${failure.command}` : "";
    return { ok: false, retryable: false, error: `SMTP server refused the message${step}: ${said}` };
  }

  switch (code) {
    case "ETIMEDOUT":
      return { ok: false, retryable: true, error: `no answer from ${context.host} within the ${context.timeoutMs} ms timeout` };
    case "EAUTH":
      return { ok: false, retryable: false, error: `SMTP login failed: ${clean(message)}` };
    case "EENVELOPE":
    case "EMESSAGE":
      return { ok: false, retryable: false, error: `SMTP server refused the message: ${clean(message)}` };
    case "ETLS":
    case "ESOCKET":
    case "ECONNECTION":
      if (WRONG_PROTOCOL.test(message)) {
        return { ok: false, retryable: false, error: `${context.host} did not answer with TLS: this port expects STARTTLS or plain SMTP; choose STARTTLS (usually port 587), or TLS with port 465.` };
      }
      if (CERTIFICATE_PROBLEM.test(message)) {
        return { ok: false, retryable: false, error: `TLS certificate of ${context.host} was not accepted (${clean(message)}): the server needs a certificate valid for this host name.` };
      }
      return { ok: false, retryable: true, error: `could not talk to ${context.host}: ${clean(message)}` };
    case "EDNS":
      return { ok: false, retryable: true, error: `could not resolve ${context.host}: ${clean(message)}` };
    default:
      return { ok: false, retryable: true, error: `SMTP error${code ? ` (${code})` : ""}: ${clean(message)}` };
  }
}
