import { verify, X509Certificate } from "node:crypto";
import type { SendContext, StatusCallbackRequest } from "../channel-provider";

/**
 * Amazon SNS HTTPS deliveries, as SES publishes its events through them: the message's RSA signature
 * checked with the certificate at SigningCertURL, which must be served over HTTPS by
 * sns.<region>.amazonaws.com, and the subscription confirmed by visiting SubscribeURL.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
export type SnsMessage = {
  Type: "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation";
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  Token?: string;
  SubscribeURL?: string;
};

type Verdict = { ok: true } | { ok: false; reason: string };

const TYPES = new Set(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]);

/** The SNS message of a request body (SNS posts JSON as text/plain), or null when it is not one. */
export function snsMessageOf(request: StatusCallbackRequest): SnsMessage | null {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.body.toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
  const strings = ["Type", "MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL"];
  if (!body || typeof body !== "object" || !strings.every((key) => typeof body[key] === "string") || !TYPES.has(body.Type as string)) return null;
  return body as unknown as SnsMessage;
}

/**
 * The string SNS signs: name and value, each followed by a newline, in byte order of the names —
 * Message, MessageId, Subject (when present), Timestamp, TopicArn, Type for a notification; Message,
 * MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type for (un)subscription confirmations.
 */
export function snsStringToSign(message: SnsMessage): string {
  const names =
    message.Type === "Notification"
      ? ["Message", "MessageId", ...(message.Subject !== undefined ? ["Subject"] : []), "Timestamp", "TopicArn", "Type"]
      : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  return names.map((name) => `${name}\n${String(message[name as keyof SnsMessage] ?? "")}\n`).join("");
}

/** Only SNS's own host for the channel's region, over HTTPS, may serve a certificate or a confirmation. */
export function snsUrlProblem(value: string | undefined, region: string, what: string): string | null {
  let url: URL;
  try {
    url = new URL(value ?? "");
  } catch {
    return `the ${what} is not a URL`;
  }
  const hosts = [`sns.${region}.amazonaws.com`, `sns.${region}.amazonaws.com.cn`];
  if (url.protocol !== "https:" || !hosts.includes(url.hostname) || url.port !== "") {
    return `the ${what} ${url.origin} is not https://sns.${region}.amazonaws.com, so the message did not come from Amazon SNS for this channel's region`;
  }
  return null;
}

/** The certificate, downloaded once per URL and kept in the process cache; null with the reason when it cannot be had. */
async function certificateAt(url: string, context: SendContext): Promise<X509Certificate | string> {
  const key = `sns-certificate:${url}`;
  const cached = context.cache.get(key);
  if (cached instanceof X509Certificate) return cached;
  const answer = await context.request({ method: "GET", url, headers: { accept: "application/x-pem-file, */*" } });
  if (!answer.ok) return `could not download the signing certificate (${answer.error})`;
  try {
    const certificate = new X509Certificate(answer.text);
    context.cache.set(key, certificate);
    return certificate;
  } catch {
    return "the signing certificate is not a valid X.509 certificate";
  }
}

/**
 * Checks an SNS delivery for this channel: from its topic, signed (version 1 SHA1withRSA, version 2
 * SHA256withRSA) with a currently valid certificate for sns.amazonaws.com that SNS's own regional host
 * served over HTTPS.
 */
export async function verifySnsMessage(request: StatusCallbackRequest, region: string, topicArn: string | undefined, context: SendContext, now = new Date()): Promise<Verdict> {
  if (!topicArn) {
    return { ok: false, reason: "No SNS topic ARN is configured on this channel: enter the topic your SES configuration set publishes to, to accept delivery updates." };
  }
  const message = snsMessageOf(request);
  if (!message) return { ok: false, reason: "The body is not an Amazon SNS message (Type, MessageId, TopicArn, Message, Timestamp, Signature, SigningCertURL)." };
  if (message.TopicArn !== topicArn) return { ok: false, reason: `The message comes from the topic ${message.TopicArn}, not from this channel's topic.` };
  const urlProblem = snsUrlProblem(message.SigningCertURL, region, "SigningCertURL");
  if (urlProblem) return { ok: false, reason: `Refused: ${urlProblem}.` };
  const algorithm = message.SignatureVersion === "1" ? "sha1" : message.SignatureVersion === "2" ? "sha256" : null;
  if (!algorithm) return { ok: false, reason: `Unknown SNS SignatureVersion ${message.SignatureVersion}.` };
  const certificate = await certificateAt(message.SigningCertURL, context);
  if (typeof certificate === "string") return { ok: false, reason: `Cannot verify the SNS signature: ${certificate}.` };
  if (!/(^|\n|, ?)CN=sns\.amazonaws\.com(\.cn)?($|\n|,)/.test(certificate.subject)) return { ok: false, reason: "The signing certificate is not issued to sns.amazonaws.com." };
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) return { ok: false, reason: "The signing certificate is not valid at this time." };
  let valid = false;
  try {
    valid = verify(algorithm, Buffer.from(snsStringToSign(message), "utf8"), certificate.publicKey, Buffer.from(message.Signature, "base64"));
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : { ok: false, reason: "The SNS signature does not match the message: it was changed, or not signed by Amazon SNS." };
}

/**
 * Confirms the subscription of this channel's URL to the topic, as SNS asks in a verified
 * SubscriptionConfirmation: a GET of its SubscribeURL (again only on SNS's own regional host).
 */
export async function confirmSnsSubscription(message: SnsMessage, region: string, context: SendContext): Promise<void> {
  const problem = snsUrlProblem(message.SubscribeURL, region, "SubscribeURL");
  if (problem) throw new Error(problem);
  const answer = await context.request({ method: "GET", url: message.SubscribeURL!, headers: { accept: "*/*" } });
  if (!answer.ok) throw new Error(`the subscription could not be confirmed (${answer.error}); SNS will ask again`);
}
