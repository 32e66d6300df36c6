import { randomBytes } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import type { StatusCallbackRequest } from "../channel-provider";
import { formParams, twilioSignature } from "./signature";

/**
 * A stand-in for `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` that enforces Twilio's contract
 * (Basic auth with the account SID + Auth Token or an SK API key + secret, the account SID in the path,
 * form-urlencoded To/Body and From or MessagingServiceSid, Body ≤ 1600) and answers with Twilio's real
 * Message resource (201) and error shape `{code, message, more_info, status}`. Failures are picked by the
 * To number, using Twilio's own test-credential "magic numbers" where they exist:
 *   +15005550001  400 21211 invalid To         +15005550004  400 21610 recipient opted out (STOP)
 *   +15005550429  429 20429 too many requests  +15005550500  500 20500 internal error
 *   +15005550611  400 21611 sender queue full
 */
export type FakeTwilioOptions = { accountSid: string; authToken: string; apiKeySid?: string; apiKeySecret?: string; retryAfterSeconds?: number };
export type FakeTwilio = FakeHttpServer & { messages: Array<{ sid: string; params: URLSearchParams }> };

const error = (status: number, code: number, message: string, headers?: Record<string, string>): FakeResponse => ({
  status,
  headers,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

function basicAuth(header: string | undefined): [string, string] | null {
  const match = /^Basic (.+)$/.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

export async function startFakeTwilio(options: FakeTwilioOptions): Promise<FakeTwilio> {
  const messages: FakeTwilio["messages"] = [];

  const handle = (request: CapturedRequest): FakeResponse => {
    const path = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.path);
    if (!path) return error(404, 20404, `The requested resource ${request.path} was not found`);
    if (request.method !== "POST") return error(405, 20004, "Method not allowed");

    const auth = basicAuth(request.headers.authorization);
    const asAccount = auth?.[0] === options.accountSid && auth[1] === options.authToken;
    const asApiKey = options.apiKeySid !== undefined && auth?.[0] === options.apiKeySid && auth[1] === options.apiKeySecret;
    if (!asAccount && !asApiKey) return { ...error(401, 20003, "Authenticate"), body: { code: 20003, detail: "Your AccountSid or AuthToken was incorrect.", message: "Authentication Error - invalid username", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 } };
    if (path[1] !== options.accountSid) return error(404, 20404, `The requested resource ${request.path} was not found`);
    if (!String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return error(400, 20001, "Content-Type must be application/x-www-form-urlencoded");

    const params = new URLSearchParams(request.text);
    const to = params.get("To");
    const from = params.get("From");
    const service = params.get("MessagingServiceSid");
    const body = params.get("Body");
    if (!to) return error(400, 21604, "A 'To' phone number is required.");
    if (!from && !service) return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
    if (service && !/^MG[0-9a-f]{32}$/i.test(service)) return error(400, 21701, `The Messaging Service Sid ${service} is invalid.`);
    if (!body) return error(400, 21602, "Message body is required.");
    if (body.length > 1600) return error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
    const callback = params.get("StatusCallback");
    if (callback !== null && !/^https?:\/\//.test(callback)) return error(400, 21609, "Invalid StatusCallback URL.");

    if (!/^\+[1-9]\d{6,14}$/.test(to) || to === "+15005550001") return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (to === "+15005550004") return error(400, 21610, "Attempt to send to unsubscribed recipient");
    if (to === "+15005550429") {
      return error(429, 20429, "Too Many Requests", options.retryAfterSeconds !== undefined ? { "retry-after": String(options.retryAfterSeconds) } : undefined);
    }
    if (to === "+15005550500") return error(500, 20500, "An internal server error has occurred");
    if (to === "+15005550611") return error(400, 21611, "This 'From' number has exceeded the maximum number of queued messages");

    const sid = `SM${randomBytes(16).toString("hex")}`;
    messages.push({ sid, params });
    const now = new Date().toUTCString().replace("GMT", "+0000");
    return {
      status: 201,
      body: {
        account_sid: options.accountSid,
        api_version: "2010-04-01",
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: "outbound-api",
        error_code: null,
        error_message: null,
        from: from ?? null,
        messaging_service_sid: service ?? null,
        num_media: "0",
        num_segments: "1",
        price: null,
        price_unit: "USD",
        sid,
        status: service ? "accepted" : "queued",
        subresource_uris: { media: `/2010-04-01/Accounts/${options.accountSid}/Messages/${sid}/Media.json` },
        to,
        uri: `/2010-04-01/Accounts/${options.accountSid}/Messages/${sid}.json`,
      },
    };
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { messages });
}

/** A status callback as Twilio posts it to the StatusCallback URL, signed with the Auth Token. */
export function signedTwilioCallback(authToken: string, url: string, fields: Record<string, string>): StatusCallbackRequest {
  const params = new URLSearchParams(fields);
  const headers = new Headers({
    "content-type": "application/x-www-form-urlencoded",
    "x-twilio-signature": twilioSignature(authToken, url, formParams(params)),
    "user-agent": "TwilioProxy/1.1",
  });
  return { url, method: "POST", headers, body: Buffer.from(params.toString()) };
}
