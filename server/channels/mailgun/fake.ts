import { createHmac, randomBytes } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

/**
 * A stand-in for Mailgun's `POST /v3/{domain}/messages`: checks Basic `api:<key>`, the domain, a
 * multipart/form-data body (parsed with the platform's own FormData parser) and the required fields, and
 * answers with Mailgun's real shapes: `{"id":"<…@domain>","message":"Queued. Thank you."}`, the plain
 * text 401 "Forbidden", or `{"message": "…"}`.
 */
export type MailgunScenario = "success" | "throttled" | "server-error";

export type FakeMailgunOptions = {
  apiKey: string;
  /** Domains the account has; any other gets the 404. */
  domains: string[];
  scenario?: MailgunScenario;
  /** For "throttled": the wait Mailgun names in its message (default 120 s). */
  throttleSeconds?: number;
  /** For "throttled": also send a Retry-After header. */
  retryAfterSeconds?: number;
};

export type FakeMailgun = FakeHttpServer & {
  /** Each accepted message's form fields, in order (repeated fields appear once per value). */
  accepted: Array<Array<[string, string]>>;
  /** Ids handed out, with angle brackets, as Mailgun returns them. */
  ids: string[];
  setScenario(scenario: MailgunScenario): void;
};

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
/** `addr`, `Name <addr>` or `"Name" <addr>`. */
const MAILBOX = /^(?:(?:"(?:[^"\\]|\\.)*"|[^<>"]*)\s*<([^<>\s]+)>|([^<>\s]+))$/;

const message = (status: number, text: string, headers?: Record<string, string>): FakeResponse => ({ status, headers, body: { message: text } });

function header(request: CapturedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function validMailbox(value: string): boolean {
  const match = MAILBOX.exec(value.trim());
  const address = match?.[1] ?? match?.[2];
  return address !== undefined && ADDRESS.test(address);
}

async function parseMultipart(request: CapturedRequest): Promise<FormData | null> {
  const contentType = header(request, "content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType)) return null;
  try {
    return await new Request("http://fake.local/", { method: "POST", headers: { "content-type": contentType }, body: new Uint8Array(request.body) }).formData();
  } catch {
    return null;
  }
}

export async function startFakeMailgun(options: FakeMailgunOptions): Promise<FakeMailgun> {
  let scenario: MailgunScenario = options.scenario ?? "success";
  const accepted: Array<Array<[string, string]>> = [];
  const ids: string[] = [];
  const server = await startFakeHttpServer(async (request) => {
    const route = /^\/v3\/([^/]+)\/messages$/.exec(request.path);
    if (request.method !== "POST" || !route) return { status: 404, body: "404 page not found\n", headers: { "content-type": "text/plain" } };
    const expected = `Basic ${Buffer.from(`api:${options.apiKey}`).toString("base64")}`;
    if (header(request, "authorization") !== expected) return { status: 401, body: "Forbidden", headers: { "content-type": "text/plain; charset=utf-8" } };
    const domain = decodeURIComponent(route[1]!);
    if (!options.domains.includes(domain)) return message(404, `Domain not found: ${domain}`);
    if (scenario === "throttled") {
      return message(429, `You have exceeded your messages limit, try again after ${options.throttleSeconds ?? 120} seconds`, options.retryAfterSeconds !== undefined ? { "retry-after": String(options.retryAfterSeconds) } : undefined);
    }
    if (scenario === "server-error") return message(500, "Internal Server Error");
    const form = await parseMultipart(request);
    if (!form) return message(400, "Expected a multipart/form-data body with a boundary (this fake enforces the documented multipart encoding).");
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : null;
    };
    for (const required of ["from", "to", "subject"]) {
      if (!field(required)) return message(400, `${required} parameter is missing`);
    }
    if (!field("text") && !field("html") && !field("amp-html") && !field("template")) {
      return message(400, "Need at least one of 'text', 'html', 'amp-html' or 'template' parameters specified");
    }
    if (!validMailbox(field("from")!)) return message(400, "from parameter is not a valid address. please check documentation");
    for (const to of form.getAll("to")) {
      if (typeof to !== "string" || !to.split(",").every(validMailbox)) return message(400, "to parameter is not a valid address. please check documentation");
    }
    const id = `<${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}.${randomBytes(8).toString("hex")}@${domain}>`;
    accepted.push([...form.entries()].map(([name, value]) => [name, typeof value === "string" ? value : "[file]"]));
    ids.push(id);
    return { status: 200, body: { id, message: "Queued. Thank you." } };
  });
  return { ...server, accepted, ids, setScenario: (next) => void (scenario = next) };
}

/** A webhook post as Mailgun sends it: the signature (HMAC-SHA256 of timestamp + token) inside the body. */
export function signedMailgunWebhook(signingKey: string, eventData: Record<string, unknown>, options: { timestamp?: number; token?: string; parentKey?: string } = {}): string {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const token = options.token ?? randomBytes(25).toString("hex");
  const hmac = (key: string) => createHmac("sha256", key).update(timestamp + token).digest("hex");
  const signature: Record<string, string> = { timestamp, token, signature: hmac(signingKey) };
  if (options.parentKey) signature["parent-signature"] = hmac(options.parentKey);
  return JSON.stringify({ signature, "event-data": eventData });
}
