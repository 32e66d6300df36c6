/**
 * A small, strict RFC 2822 / MIME reader for the fake Gmail: enough to check what a client sends (CRLF
 * line ends, 7-bit headers, RFC 2047 words, multipart bodies, base64 and quoted-printable parts), written
 * independently of nodemailer so that the fake does not just agree with the code under test.
 */
export type MimeEntity = {
  /** Unfolded raw header values by lowercase name, in order. */
  headers: Map<string, string[]>;
  contentType: { type: string; params: Record<string, string> };
  /** The body after Content-Transfer-Encoding decoding. */
  body: Buffer;
  parts: MimeEntity[];
};

export class MimeError extends Error {}

export function header(entity: MimeEntity, name: string): string | undefined {
  return entity.headers.get(name.toLowerCase())?.[0];
}

function parseParams(value: string): { value: string; params: Record<string, string> } {
  const [first = "", ...rest] = value.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const params: Record<string, string> = {};
  for (const item of rest) {
    const eq = item.indexOf("=");
    if (eq < 0) continue;
    const key = item.slice(0, eq).trim().toLowerCase();
    let val = item.slice(eq + 1).trim();
    if (val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1).replace(/\\(.)/g, "$1");
    params[key] = val;
  }
  return { value: first.trim().toLowerCase(), params };
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    const char = soft[i]!;
    if (char === "=" && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words (B and Q); whitespace between adjacent words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
      const bytes = encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : decodeQuotedPrintable(text.replace(/_/g, " "));
      return /^(utf-8|us-ascii)$/i.test(charset) ? bytes.toString("utf8") : bytes.toString("latin1");
    });
}

export function parseMime(raw: Buffer): MimeEntity {
  const text = raw.toString("latin1");
  const split = text.indexOf("\r\n\r\n");
  if (split < 0) throw new MimeError("no CRLF CRLF between the headers and the body");
  const headerBlock = text.slice(0, split);
  if (/(^|[^\r])\n/.test(headerBlock)) throw new MimeError("a header line ends with a bare LF instead of CRLF");
  if (/[^\x00-\x7f]/.test(headerBlock)) throw new MimeError("a header holds 8-bit characters: non-ASCII text must be an RFC 2047 encoded word");
  const headers = new Map<string, string[]>();
  for (const line of headerBlock.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new MimeError(`malformed header line: ${line.slice(0, 40)}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const contentType = parseParams(headers.get("content-type")?.[0] ?? "text/plain; charset=us-ascii");
  const bodyText = text.slice(split + 4);
  if (/(^|[^\r])\n/.test(bodyText)) throw new MimeError("the body has a bare LF line end; RFC 2822 wants CRLF");
  if (contentType.value.startsWith("multipart/")) {
    const boundary = contentType.params.boundary;
    if (!boundary) throw new MimeError("multipart without a boundary");
    const delimiter = `--${boundary}`;
    const sections = bodyText.split(new RegExp(`(?:^|\\r\\n)${delimiter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    const closing = sections.findIndex((section) => section.startsWith("--"));
    if (closing < 0) throw new MimeError("the multipart body has no closing boundary");
    const parts = sections.slice(1, closing).map((section) => parseMime(Buffer.from(section.replace(/^[ \t]*\r\n/, ""), "latin1")));
    return { headers, contentType: { type: contentType.value, params: contentType.params }, body: Buffer.alloc(0), parts };
  }
  const encoding = (headers.get("content-transfer-encoding")?.[0] ?? "7bit").toLowerCase();
  let body: Buffer;
  if (encoding === "base64") body = Buffer.from(bodyText.replace(/\s+/g, ""), "base64");
  else if (encoding === "quoted-printable") body = decodeQuotedPrintable(bodyText);
  else if (encoding === "7bit" || encoding === "8bit") {
    if (encoding === "7bit" && /[^\x00-\x7f]/.test(bodyText)) throw new MimeError("8-bit data in a 7bit part");
    body = Buffer.from(bodyText, "latin1");
  } else throw new MimeError(`unknown Content-Transfer-Encoding ${encoding}`);
  return { headers, contentType: { type: contentType.value, params: contentType.params }, body, parts: [] };
}

/** A text part's content as a string, by its charset. */
export function textOf(entity: MimeEntity): string {
  const charset = (entity.contentType.params.charset ?? "us-ascii").toLowerCase();
  return charset === "utf-8" || charset === "us-ascii" ? entity.body.toString("utf8") : entity.body.toString("latin1");
}
