import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

/**
 * A stand-in for SendGrid's v3 Mail Send endpoint that checks each request against the contract (Bearer
 * key, JSON body, personalizations, verified sender, text/plain before text/html, string custom_args) and
 * answers with SendGrid's real shapes: an empty 202 with X-Message-Id, or `{"errors":[{message, field, help}]}`.
 */
export type SendGridScenario = "success" | "throttled" | "server-error";

export type FakeSendGridOptions = {
  apiKey: string;
  /** Senders the account has verified; anything else gets SendGrid's 403. */
  verifiedSenders: string[];
  scenario?: SendGridScenario;
  /** For "throttled": the X-RateLimit-Reset epoch seconds (default: 60 s from now). */
  rateLimitReset?: number;
  /** For "throttled": also send Retry-After (SendGrid normally does not). */
  retryAfterSeconds?: number;
};

export type FakeSendGrid = FakeHttpServer & {
  /** Bodies of the messages accepted with a 202, in order. */
  accepted: Array<Record<string, unknown>>;
  /** X-Message-Id handed out for each accepted message. */
  messageIds: string[];
  setScenario(scenario: SendGridScenario): void;
};

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

type ErrorItem = { message: string; field: string | null; help: string | null };
const errors = (status: number, items: ErrorItem[], headers?: Record<string, string>): FakeResponse => ({ status, headers, body: { errors: items } });
const fieldError = (field: string | null, message: string, help: string | null = null) => errors(400, [{ field, message, help }]);

function header(request: CapturedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function checkMailSend(body: Record<string, unknown>, options: FakeSendGridOptions): FakeResponse | null {
  const personalizations = body.personalizations;
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    return fieldError("personalizations", "The personalizations field is required and must have at least one personalization.", "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#-Personalizations-Errors");
  }
  for (const [index, personalization] of personalizations.entries()) {
    const to = (personalization as { to?: unknown }).to;
    if (!Array.isArray(to) || to.length === 0) {
      return fieldError(`personalizations.${index}.to`, "The to array is required for all personalization objects, and must have at least one email object with a valid email address.");
    }
    for (const [toIndex, recipient] of to.entries()) {
      const email = (recipient as { email?: unknown }).email;
      if (typeof email !== "string" || !EMAIL.test(email)) {
        return fieldError(`personalizations.${index}.to.${toIndex}.email`, "Does not contain a valid address.", "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to");
      }
    }
    const customArgs = (personalization as { custom_args?: unknown }).custom_args;
    if (customArgs !== undefined) {
      if (typeof customArgs !== "object" || customArgs === null || Object.values(customArgs).some((value) => typeof value !== "string")) {
        return fieldError(`personalizations.${index}.custom_args`, "Invalid type. Expected: string, given: non-string.", "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.custom_args");
      }
    }
  }
  const from = body.from as { email?: unknown; name?: unknown } | undefined;
  if (!from || typeof from.email !== "string" || !EMAIL.test(from.email)) {
    return fieldError("from.email", "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.");
  }
  if (from.name !== undefined && typeof from.name !== "string") return fieldError("from.name", "Invalid type. Expected: string.");
  const replyTo = body.reply_to as { email?: unknown } | undefined;
  if (replyTo !== undefined && (typeof replyTo.email !== "string" || !EMAIL.test(replyTo.email))) {
    return fieldError("reply_to.email", "The reply_to email does not contain a valid address.");
  }
  if (typeof body.subject !== "string" || body.subject === "") {
    return fieldError("subject", "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.");
  }
  const content = body.content;
  if (!Array.isArray(content) || content.length === 0) return fieldError("content", "Unless a valid template_id is provided, the content parameter is required.");
  for (const [index, part] of content.entries()) {
    const { type, value } = part as { type?: unknown; value?: unknown };
    if (typeof type !== "string" || type === "") return fieldError(`content.${index}.type`, "The content type cannot contain ';', or CRLF characters, and must be at least one character in length.");
    if (typeof value !== "string" || value === "") return fieldError(`content.${index}.value`, "The content value must be a string at least one character in length.");
  }
  const types = content.map((part) => (part as { type: string }).type);
  const plain = types.indexOf("text/plain");
  const html = types.indexOf("text/html");
  if ((plain > 0) || (html >= 0 && plain >= 0 && html < plain)) {
    return fieldError("content", "If present, text/plain and text/html may only be provided in this order: text/plain, text/html.");
  }
  if (!options.verifiedSenders.includes(from.email)) {
    return errors(403, [
      {
        field: "from",
        message: "The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements",
        help: null,
      },
    ]);
  }
  return null;
}

export async function startFakeSendGrid(options: FakeSendGridOptions): Promise<FakeSendGrid> {
  let scenario: SendGridScenario = options.scenario ?? "success";
  const accepted: Array<Record<string, unknown>> = [];
  const messageIds: string[] = [];
  const server = await startFakeHttpServer((request) => {
    if (request.method !== "POST" || request.path !== "/v3/mail/send") return errors(404, [{ field: null, message: "not found", help: null }]);
    const authorization = header(request, "authorization");
    if (!authorization) return errors(401, [{ field: null, message: "authorization required", help: null }]);
    if (authorization !== `Bearer ${options.apiKey}`) {
      return errors(401, [{ field: null, message: "The provided authorization grant is invalid, expired, or revoked", help: null }]);
    }
    if (!header(request, "content-type")?.toLowerCase().startsWith("application/json")) {
      return fieldError(null, "Content-Type should be application/json.");
    }
    if (scenario === "throttled") {
      const reset = options.rateLimitReset ?? Math.floor(Date.now() / 1000) + 60;
      return errors(429, [{ field: null, message: "too many requests", help: null }], {
        "x-ratelimit-limit": "600",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
        ...(options.retryAfterSeconds !== undefined ? { "retry-after": String(options.retryAfterSeconds) } : {}),
      });
    }
    if (scenario === "server-error") return errors(500, [{ field: null, message: "internal server error", help: null }]);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return fieldError(null, "Bad Request", "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#-Request-Body-Parameters");
    }
    const refusal = checkMailSend(body, options);
    if (refusal) return refusal;
    const messageId = randomBytes(16).toString("base64url").slice(0, 22);
    accepted.push(body);
    messageIds.push(messageId);
    return { status: 202, headers: { "x-message-id": messageId } };
  });
  return { ...server, accepted, messageIds, setScenario: (next) => void (scenario = next) };
}

/** An Event Webhook signing key pair as SendGrid makes one: the public half shown as base64 DER SPKI. */
export function eventWebhookKeyPair(): { privateKey: KeyObject; publicKeyBase64: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privateKey, publicKeyBase64: publicKey.export({ type: "spki", format: "der" }).toString("base64") };
}

/** Signs an event post as SendGrid does: ECDSA P-256 / SHA-256 over timestamp + raw body, base64 DER. */
export function signEventWebhook(privateKey: KeyObject, timestamp: string, body: string | Buffer): string {
  return sign("sha256", Buffer.concat([Buffer.from(timestamp, "utf8"), Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8")]), privateKey).toString("base64");
}
