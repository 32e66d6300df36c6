import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port, standing in for a mail
 * provider. It offers AUTH PLAIN and LOGIN and checks them against the configured user (535 otherwise),
 * refuses MAIL without a login when one is configured (530), records every accepted message with its raw
 * DATA, and answers failures chosen by the recipient's local part:
 *   unknown@…     550 5.1.1 user unknown (RCPT)       relaydenied@…  553 5.7.1 relay denied (RCPT)
 *   greylisted@…  451 4.7.1 greylisted (RCPT)         full@…         452 4.2.2 mailbox full (RCPT)
 *   shutdown@…    421 4.3.2 closing channel (RCPT)    spam@…         554 5.7.1 rejected as spam (end of DATA)
 * `busy: true` answers every connection with 421 before the greeting.
 */
export type FakeSmtpOptions = {
  username?: string;
  password?: string;
  /** Implicit TLS from the first byte (port 465 style), with smtp-server's self-signed test certificate. */
  secure?: boolean;
  /** Offer STARTTLS (with the self-signed test certificate). Off by default. */
  starttls?: boolean;
  busy?: boolean;
};

export type CapturedMail = { mailFrom: string; rcptTo: string[]; raw: string; user: string | null };
export type FakeSmtpServer = {
  host: string;
  port: number;
  messages: CapturedMail[];
  authAttempts: Array<{ method: string; username: string | undefined; ok: boolean }>;
  /** Connection-level errors the server saw (e.g. a client aborting the TLS handshake). */
  errors: Error[];
  close(): Promise<void>;
};

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

const RCPT_FAILURES: Record<string, [number, string]> = {
  unknown: [550, "5.1.1 Recipient address rejected: User unknown in local recipient table"],
  relaydenied: [553, "5.7.1 Relaying denied"],
  greylisted: [451, "4.7.1 Recipient address rejected: Greylisted, please try again in 300 seconds"],
  full: [452, "4.2.2 Mailbox full"],
  shutdown: [421, "4.3.2 Service shutting down, closing transmission channel"],
};

export async function startFakeSmtpServer(options: FakeSmtpOptions = {}): Promise<FakeSmtpServer> {
  const messages: CapturedMail[] = [];
  const authAttempts: FakeSmtpServer["authAttempts"] = [];
  const requireAuth = options.username !== undefined;

  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    logger: false,
    name: "mx.fake.test",
    banner: "ESMTP fake ready",
    authMethods: ["PLAIN", "LOGIN"],
    authOptional: !requireAuth,
    // Tests without TLS still exercise AUTH; a real server would insist on TLS first.
    allowInsecureAuth: true,
    disabledCommands: options.starttls ? [] : ["STARTTLS"],
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      if (options.busy) return callback(smtpError(421, "4.7.0 Too many connections, try again later"));
      callback();
    },
    onAuth(auth, _session, callback) {
      const ok = requireAuth && (auth.method === "PLAIN" || auth.method === "LOGIN") && auth.username === options.username && auth.password === options.password;
      authAttempts.push({ method: auth.method, username: auth.username, ok });
      if (!ok) return callback(smtpError(535, "5.7.8 Authentication credentials invalid"));
      callback(null, { user: auth.username });
    },
    onMailFrom(address, session, callback) {
      if (requireAuth && !session.user) return callback(smtpError(530, "5.7.0 Authentication required"));
      if (!address.address.includes("@")) return callback(smtpError(553, "5.1.7 Sender address rejected: malformed address"));
      callback();
    },
    onRcptTo(address, _session, callback) {
      const failure = RCPT_FAILURES[address.address.split("@")[0] ?? ""];
      if (failure) return callback(smtpError(failure[0], failure[1]));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const rcptTo = session.envelope.rcptTo.map((entry) => entry.address);
        if (rcptTo.some((address) => address.startsWith("spam@"))) return callback(smtpError(554, "5.7.1 Message rejected as spam"));
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({ mailFrom, rcptTo, raw: Buffer.concat(chunks).toString("utf8"), user: typeof session.user === "string" ? session.user : null });
        callback(null, "2.0.0 Ok: queued as FAKE1234");
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  // A client that refuses our self-signed certificate drops the TLS handshake: expected in tests, recorded.
  const errors: Error[] = [];
  server.on("error", (error: Error) => errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    messages,
    authAttempts,
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) back to text, for header assertions. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => `%${hex}`);
  // Escape literal percent signs first so decodeURIComponent only sees the =XX bytes.
  return decodeURIComponent(bytes.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));
}

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

/**
 * Just enough MIME to assert on what was sent: unfolded, decoded headers, and the text/plain and text/html
 * parts of a single-part or multipart/alternative message, decoded.
 */
export function parseMail(raw: string): { headers: Map<string, string>; text: string | null; html: string | null } {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = splitHeaders(raw.slice(0, split));
  const rest = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const parts: Array<{ type: string; body: string }> = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1];
  if (boundary) {
    for (const section of rest.split(`--${boundary}`).slice(1)) {
      if (section.startsWith("--")) break;
      const partSplit = section.search(/\r?\n\r?\n/);
      const partHeaders = splitHeaders(section.slice(0, partSplit));
      const body = section.slice(partSplit).replace(/^\r?\n\r?\n/, "").replace(/\r?\n$/, "");
      parts.push({ type: partHeaders.get("content-type") ?? "text/plain", body: decodeBody(body, partHeaders.get("content-transfer-encoding")) });
    }
  } else {
    parts.push({ type: headers.get("content-type") ?? "text/plain", body: decodeBody(rest, headers.get("content-transfer-encoding")) });
  }
  const find = (type: string) => parts.find((part) => part.type.toLowerCase().startsWith(type))?.body.replace(/\r\n/g, "\n").replace(/\n$/, "") ?? null;
  return { headers, text: find("text/plain"), html: find("text/html") };
}
