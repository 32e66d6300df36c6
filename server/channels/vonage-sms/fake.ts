import { randomBytes } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import type { StatusCallbackRequest } from "../channel-provider";
import { isGsm7 } from "./gsm7";
import type { VonageSignatureMethod } from "./settings";
import { vonageSignature } from "./signature";

/**
 * A stand-in for `POST https://rest.nexmo.com/sms/json` that enforces the SMS API contract (form-urlencoded
 * api_key/api_secret/from/to/text, `to` as 7–15 digits without "+", `type=unicode` for non-GSM text,
 * `client-ref` ≤ 40 characters) and answers like Vonage: HTTP 200 with one entry per SMS part, the outcome
 * in each entry's `status`. Failures are picked by the `to` number:
 *   447700900001  status 1 throttled          447700900005  status 5 internal error
 *   447700900006  status 6 unroutable          447700900007  status 7 number barred
 *   447700900009  status 9 no credit           447700900500  HTTP 500 (the gateway in front failed)
 */
export type FakeVonageSms = FakeHttpServer & { sent: Array<{ messageIds: string[]; params: URLSearchParams }> };

const answer = (messages: object[]): FakeResponse => ({ status: 200, body: { "message-count": String(messages.length), messages } });
const failure = (status: string, text: string): FakeResponse => answer([{ status, "error-text": text }]);

const SCENARIOS: Record<string, [string, string]> = {
  "447700900001": ["1", "Throughput Rate Exceeded - please wait [ 1000 ] and retry"],
  "447700900005": ["5", "Internal Error"],
  "447700900006": ["6", "Unroutable message - rejected"],
  "447700900007": ["7", "Number barred."],
  "447700900009": ["9", "Quota Exceeded - rejected"],
};

/** How many SMS parts a text takes: 160/153 GSM-7 characters, or 70/67 UTF-16 units for unicode. */
function partCount(text: string, unicode: boolean): number {
  const [single, multi] = unicode ? [70, 67] : [160, 153];
  return text.length <= single ? 1 : Math.ceil(text.length / multi);
}

export async function startFakeVonageSms(options: { apiKey: string; apiSecret: string }): Promise<FakeVonageSms> {
  const sent: FakeVonageSms["sent"] = [];

  const handle = (request: CapturedRequest): FakeResponse => {
    if (request.path !== "/sms/json") return { status: 404, body: "Not Found" };
    if (request.method !== "POST") return { status: 405, body: "Method Not Allowed" };
    if (!String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return failure("2", "Missing api_key");

    const params = new URLSearchParams(request.text);
    for (const name of ["api_key", "api_secret", "from", "to", "text"]) {
      if (!params.get(name)) return failure("2", `Missing ${name}`);
    }
    if (params.get("api_key") !== options.apiKey || params.get("api_secret") !== options.apiSecret) return failure("4", "Bad Credentials");

    const to = params.get("to")!;
    if (to === "447700900500") return { status: 500, body: "<html><body><h1>500 Internal Server Error</h1></body></html>", headers: { "content-type": "text/html" } };
    if (!/^[1-9]\d{6,14}$/.test(to)) return failure("3", "Invalid to address");
    const scenario = SCENARIOS[to];
    if (scenario) return failure(scenario[0], scenario[1]);

    const text = params.get("text")!;
    const type = params.get("type") ?? "text";
    if (type !== "text" && type !== "unicode") return failure("3", "Invalid type");
    // Real Vonage would replace unencodable characters with "?"; the fake refuses so tests notice.
    if (type === "text" && !isGsm7(text)) return failure("6", "Invalid Message: text is not GSM-7; send it with type=unicode");
    const clientRef = params.get("client-ref");
    if (clientRef !== null && clientRef.length > 40) return failure("3", "Invalid client-ref: more than 40 characters");
    const callback = params.get("callback");
    if (callback !== null && !/^https?:\/\/\S+$/.test(callback)) return failure("23", "Invalid Callback Url");

    const messageIds = Array.from({ length: partCount(text, type === "unicode") }, () => randomBytes(8).toString("hex").toUpperCase());
    sent.push({ messageIds, params });
    return answer(
      messageIds.map((id) => ({
        to,
        "message-id": id,
        status: "0",
        "remaining-balance": "12.34560000",
        "message-price": "0.03330000",
        network: "23410",
        ...(clientRef !== null ? { "client-ref": clientRef } : {}),
      })),
    );
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { sent });
}

/**
 * A delivery receipt as Vonage sends it to the callback URL: as GET query parameters (the default), a
 * form POST or a JSON POST; signed (timestamp, nonce, sig) when a secret is given.
 */
export function vonageDlr(
  fields: Record<string, string>,
  options: { via?: "get" | "form" | "json"; secret?: string; method?: VonageSignatureMethod; timestamp?: number } = {},
): StatusCallbackRequest {
  const params = new Map(Object.entries(fields));
  if (options.secret) {
    params.set("timestamp", String(options.timestamp ?? Math.floor(Date.now() / 1000)));
    params.set("nonce", randomBytes(8).toString("hex"));
    // HMAC signatures arrive in uppercase hex, md5hash in lowercase, as Vonage's own test vectors show.
    const sig = vonageSignature(params, options.secret, options.method ?? "md5hash");
    params.set("sig", options.method && options.method !== "md5hash" ? sig.toUpperCase() : sig);
  }
  const base = "https://orders.shop.example/api/status/channel-1";
  const query = new URLSearchParams([...params]);
  switch (options.via ?? "get") {
    case "get":
      return { url: `${base}?${query}`, method: "GET", headers: new Headers(), body: Buffer.alloc(0) };
    case "form":
      return { url: base, method: "POST", headers: new Headers({ "content-type": "application/x-www-form-urlencoded" }), body: Buffer.from(query.toString()) };
    case "json":
      return { url: base, method: "POST", headers: new Headers({ "content-type": "application/json" }), body: Buffer.from(JSON.stringify(Object.fromEntries(params))) };
  }
}
