import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

/**
 * A stand-in for SES v2 `POST /v2/email/outbound-emails` that VERIFIES the SigV4 signature, recomputed here
 * with node:crypto (independently of aws4fetch): canonical request → string to sign → HMAC key chain, the
 * scope (date, region, "ses"), a 5-minute clock skew and the session token. It then checks the SendEmail
 * body and answers with SES's real shapes: 200 `{MessageId}`, or an `x-amzn-ErrorType` header with a JSON
 * `{"message"}` body.
 */
export type SesScenario = "success" | "throttled" | "quota-exceeded" | "sending-paused" | "server-error";

export type FakeSesOptions = {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry (and sign) this X-Amz-Security-Token. */
  sessionToken?: string;
  region: string;
  /** Verified identities: addresses or whole domains. */
  verifiedIdentities: string[];
  /** Sandbox accounts may only send to verified recipients; undefined = production access. */
  sandboxRecipients?: string[];
  configurationSets?: string[];
  scenario?: SesScenario;
  /** Clock skew allowed between the signature date and now. */
  maxSkewMs?: number;
};

export type FakeSes = FakeHttpServer & {
  accepted: Array<Record<string, unknown>>;
  messageIds: string[];
  setScenario(scenario: SesScenario): void;
};

const SERVICE_ERROR_NS = "http://internal.amazon.com/coral/com.amazonaws.sesv2/";
const CORAL_ERROR_NS = "http://internal.amazon.com/coral/com.amazon.coral.service/";
const EMAIL = /^[^\s@<>(),;:"]+@([^\s@<>(),;:"]+\.[^\s@<>(),;:"]+)$/;

function awsError(status: number, type: string, message: string, namespace = SERVICE_ERROR_NS): FakeResponse {
  return { status, headers: { "x-amzn-errortype": `${type}:${namespace}`, "x-amzn-requestid": randomBytes(16).toString("hex") }, body: { message } };
}

const header = (request: CapturedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
};

/** RFC 3986 encoding as SigV4 wants it: encodeURIComponent plus !'()*. */
const uriEncode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonical request, built from the request as received, per the SigV4 specification. */
export function canonicalRequest(request: CapturedRequest, signedHeaders: string[]): string {
  // Non-S3 services encode each (already encoded) path segment once more.
  const path = request.path.split("/").map(uriEncode).join("/") || "/";
  const query = [...request.query.entries()]
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const headers = signedHeaders.map((name) => `${name}:${(header(request, name) ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const payloadHash = createHash("sha256").update(request.body).digest("hex");
  return [request.method, path, query, headers, signedHeaders.join(";"), payloadHash].join("\n");
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac("sha256", `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  return createHmac("sha256", kService).update("aws4_request").digest();
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

/** Null when the signature holds, else SES's 403 answer. */
function checkSignature(request: CapturedRequest, options: FakeSesOptions): FakeResponse | null {
  const authorization = header(request, "authorization");
  if (!authorization) return awsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token", CORAL_ERROR_NS);
  const match = AUTHORIZATION.exec(authorization);
  if (!match) return awsError(403, "IncompleteSignatureException", `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${authorization.split(" ")[0]}`, CORAL_ERROR_NS);
  const [, accessKeyId, date, region, service, signedHeaderList, signature] = match as unknown as [string, string, string, string, string, string, string];
  if (accessKeyId !== options.accessKeyId) return awsError(403, "UnrecognizedClientException", "The security token included in the request is invalid.", CORAL_ERROR_NS);
  const amzDate = header(request, "x-amz-date") ?? "";
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== date) {
    return awsError(403, "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.", CORAL_ERROR_NS);
  }
  const signedAt = Date.parse(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  if (Math.abs(Date.now() - signedAt) > (options.maxSkewMs ?? 5 * 60_000)) {
    return awsError(403, "InvalidSignatureException", `Signature expired: ${amzDate} is now earlier or later than the allowed 5 minute window.`, CORAL_ERROR_NS);
  }
  if (region !== options.region) return awsError(403, "InvalidSignatureException", `Credential should be scoped to a valid region. `, CORAL_ERROR_NS);
  if (service !== "ses") return awsError(403, "InvalidSignatureException", "Credential should be scoped to correct service: 'ses'. ", CORAL_ERROR_NS);
  const signedHeaders = signedHeaderList.split(";");
  const sorted = [...signedHeaders].sort();
  if (signedHeaders.join(";") !== sorted.join(";") || !signedHeaders.includes("host") || !signedHeaders.includes("x-amz-date")) {
    return awsError(403, "InvalidSignatureException", "'Host' and 'X-Amz-Date' must be signed, in sorted order.", CORAL_ERROR_NS);
  }
  const token = header(request, "x-amz-security-token");
  if (options.sessionToken !== undefined && (token !== options.sessionToken || !signedHeaders.includes("x-amz-security-token"))) {
    return awsError(403, "UnrecognizedClientException", "The security token included in the request is invalid.", CORAL_ERROR_NS);
  }
  const contentSha = header(request, "x-amz-content-sha256");
  if (contentSha !== undefined && contentSha !== createHash("sha256").update(request.body).digest("hex")) {
    return awsError(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", CORAL_ERROR_NS);
  }
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, `${date}/${region}/ses/aws4_request`, createHash("sha256").update(canonicalRequest(request, signedHeaders)).digest("hex")].join("\n");
  const expected = createHmac("sha256", signingKey(options.secretAccessKey, date, region, "ses")).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) {
    return awsError(
      403,
      "InvalidSignatureException",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
      CORAL_ERROR_NS,
    );
  }
  return null;
}

function addressOf(mailbox: string): string | null {
  const match = /<([^<>]+)>\s*$/.exec(mailbox);
  const address = (match?.[1] ?? mailbox).trim();
  return EMAIL.test(address) ? address : null;
}

const isVerified = (address: string, identities: string[]) => identities.includes(address) || identities.includes(address.split("@")[1] ?? "");

function checkSendEmail(body: Record<string, unknown>, options: FakeSesOptions): FakeResponse | null {
  const bad = (message: string) => awsError(400, "BadRequestException", message);
  if (typeof body.FromEmailAddress !== "string") return bad("FromEmailAddress is required when sending Simple content.");
  if (!/^[\x20-\x7e]*$/.test(body.FromEmailAddress)) return bad("Illegal address: non-ASCII characters must be MIME encoded-word (RFC 2047) encoded.");
  const from = addressOf(body.FromEmailAddress);
  if (!from) return bad("Illegal address");
  const destination = body.Destination as { ToAddresses?: unknown } | undefined;
  const to = destination?.ToAddresses;
  if (!Array.isArray(to) || to.length === 0 || to.length > 50) return bad("Destination.ToAddresses must hold between 1 and 50 addresses.");
  for (const address of to) if (typeof address !== "string" || !addressOf(address)) return bad(`Missing final '@domain'`);
  const simple = (body.Content as { Simple?: { Subject?: { Data?: unknown; Charset?: unknown }; Body?: Record<string, { Data?: unknown; Charset?: unknown }> } } | undefined)?.Simple;
  if (!simple) return bad("Content must hold Simple, Raw or Template.");
  if (typeof simple.Subject?.Data !== "string" || simple.Subject.Data === "") return bad("Subject.Data is required.");
  const parts = [simple.Subject, simple.Body?.Text, simple.Body?.Html].filter(Boolean) as Array<{ Data?: unknown; Charset?: unknown }>;
  if (!simple.Body?.Text && !simple.Body?.Html) return bad("Body must hold Text or Html.");
  for (const part of parts) {
    if (typeof part.Data !== "string") return bad("Content Data must be a string.");
    if (part.Charset !== undefined && !/^(UTF-8|ISO-8859-1|Shift_JIS)$/i.test(String(part.Charset))) return bad(`Unsupported charset ${String(part.Charset)}.`);
  }
  const tags = body.EmailTags;
  if (tags !== undefined) {
    if (!Array.isArray(tags)) return bad("EmailTags must be a list.");
    for (const tag of tags as Array<{ Name?: unknown; Value?: unknown }>) {
      for (const value of [tag.Name, tag.Value]) {
        if (typeof value !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(value)) return bad(`Invalid tag ${String(value)}: only alphanumeric ASCII characters, '_' and '-' are allowed.`);
      }
    }
  }
  if (body.ConfigurationSetName !== undefined && !(options.configurationSets ?? []).includes(String(body.ConfigurationSetName))) {
    return awsError(404, "NotFoundException", `Configuration set <${String(body.ConfigurationSetName)}> does not exist.`);
  }
  const regionName = options.region.toUpperCase();
  if (!isVerified(from, options.verifiedIdentities)) {
    return awsError(400, "MessageRejected", `Email address is not verified. The following identities failed the check in region ${regionName}: ${from}`);
  }
  if (options.sandboxRecipients) {
    const unverified = (to as string[]).map((address) => addressOf(address)!).filter((address) => !isVerified(address, options.sandboxRecipients!));
    if (unverified.length > 0) return awsError(400, "MessageRejected", `Email address is not verified. The following identities failed the check in region ${regionName}: ${unverified.join(", ")}`);
  }
  return null;
}

export async function startFakeSes(options: FakeSesOptions): Promise<FakeSes> {
  let scenario: SesScenario = options.scenario ?? "success";
  const accepted: Array<Record<string, unknown>> = [];
  const messageIds: string[] = [];
  const server = await startFakeHttpServer((request) => {
    if (request.method !== "POST" || request.path !== "/v2/email/outbound-emails") return awsError(404, "UnknownOperationException", "Unknown operation", CORAL_ERROR_NS);
    const refusal = checkSignature(request, options);
    if (refusal) return refusal;
    if (!header(request, "content-type")?.startsWith("application/json")) return awsError(400, "SerializationException", "Expected a JSON body (Content-Type: application/json).", CORAL_ERROR_NS);
    if (scenario === "throttled") return awsError(429, "TooManyRequestsException", "Too Many Requests");
    if (scenario === "quota-exceeded") return awsError(400, "LimitExceededException", "Daily message quota exceeded.");
    if (scenario === "sending-paused") return awsError(400, "SendingPausedException", "Sending is paused for this account.");
    if (scenario === "server-error") return awsError(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", CORAL_ERROR_NS);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return awsError(400, "SerializationException", "Could not parse the request body as JSON.", CORAL_ERROR_NS);
    }
    const invalid = checkSendEmail(body, options);
    if (invalid) return invalid;
    const messageId = `0100019${randomBytes(5).toString("hex")}-${randomBytes(4).toString("hex")}-${randomBytes(2).toString("hex")}-${randomBytes(2).toString("hex")}-${randomBytes(2).toString("hex")}-${randomBytes(6).toString("hex")}-000000`;
    accepted.push(body);
    messageIds.push(messageId);
    return { status: 200, headers: { "x-amzn-requestid": randomBytes(16).toString("hex") }, body: { MessageId: messageId } };
  });
  return { ...server, accepted, messageIds, setScenario: (next) => void (scenario = next) };
}
