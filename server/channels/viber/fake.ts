import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import type { StatusCallbackRequest } from "../channel-provider";
import { viberSignature } from "./callbacks";

/**
 * A stand-in for Viber's `POST /pa/send_message` that enforces the contract (`X-Viber-Auth-Token`, or the
 * older SDKs' `auth_token` in the body; JSON; receiver, sender.name ≤ 28, type text, text, tracking_data
 * ≤ 4096) and answers like Viber: HTTP 200 always, `{status:0, status_message:"ok", message_token}` with
 * the token as a bare int64 beyond 2^53, or `{status:N, status_message}`. Failures are picked by receiver:
 *   "notregistered=" 5 receiverNotRegistered   "notsubscribed=" 6 receiverNotSubscribed
 *   "throttled="     12 tooManyRequests         "servererror="  HTTP 503 from the load balancer
 */
export type FakeViberOptions = { authToken: string };
export type FakeViber = FakeHttpServer & { sent: Array<{ messageToken: string; body: Record<string, unknown> }> };

const status = (code: number, message: string): FakeResponse => ({ status: 200, body: { status: code, status_message: message, chat_hostname: "SN-CHAT-05_" } });

const SCENARIOS: Record<string, FakeResponse> = {
  "notregistered=": status(5, "receiverNotRegistered"),
  "notsubscribed=": status(6, "receiverNotSubscribed"),
  "throttled=": status(12, "tooManyRequests"),
  "servererror=": { status: 503, headers: { "content-type": "text/html" }, body: "<html><body><h1>503 Service Unavailable</h1></body></html>" },
};

export async function startFakeViber(options: FakeViberOptions): Promise<FakeViber> {
  const sent: FakeViber["sent"] = [];
  let nextToken = 5741311803571721087n;

  const handle = (request: CapturedRequest): FakeResponse => {
    if (request.path !== "/pa/send_message" || request.method !== "POST") return { status: 404, body: "Not Found" };
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return status(3, "badData");
    }
    const token = request.headers["x-viber-auth-token"] ?? body.auth_token;
    if (token !== options.authToken) return status(2, "invalidAuthToken");
    if (typeof body.receiver !== "string" || body.receiver === "") return status(4, "missingData");
    const sender = body.sender as { name?: unknown; avatar?: unknown } | undefined;
    if (typeof sender?.name !== "string" || sender.name === "") return status(4, "missingData");
    if (sender.name.length > 28 || (sender.avatar !== undefined && typeof sender.avatar !== "string")) return status(3, "badData");
    if (body.type !== "text" || typeof body.text !== "string" || body.text === "" || body.text.length > 7000) return status(3, "badData");
    if (body.tracking_data !== undefined && (typeof body.tracking_data !== "string" || body.tracking_data.length > 4096)) return status(3, "badData");
    if (body.min_api_version !== undefined && !Number.isInteger(body.min_api_version)) return status(3, "badData");

    const scenario = SCENARIOS[body.receiver];
    if (scenario) return scenario;
    const messageToken = String(nextToken);
    nextToken += 1n;
    sent.push({ messageToken, body });
    // Written by hand: the token must stay a bare number beyond 2^53, as Viber sends it.
    return { status: 200, headers: { "content-type": "application/json" }, body: `{"status":0,"status_message":"ok","message_token":${messageToken},"chat_hostname":"SN-CHAT-05_","billing_status":1}` };
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { sent });
}

/** A callback event as Viber posts it to the bot's webhook, token bare in the JSON and signed with the auth token. */
export function viberCallback(authToken: string, event: "delivered" | "seen" | "failed" | "webhook" | "subscribed", messageToken: string, extra: { desc?: string; timestamp?: number } = {}): StatusCallbackRequest {
  const fields = [`"event":"${event}"`, `"timestamp":${extra.timestamp ?? 1_764_237_600_123}`, `"chat_hostname":"SN-CHAT-05_"`, `"message_token":${messageToken}`, `"user_id":"01234567890A="`];
  if (extra.desc !== undefined) fields.push(`"desc":${JSON.stringify(extra.desc)}`);
  const body = Buffer.from(`{${fields.join(",")}}`);
  const headers = new Headers({ "content-type": "application/json", "x-viber-content-signature": viberSignature(authToken, body) });
  return { url: "https://orders.shop.example/api/status/channel-1", method: "POST", headers, body };
}
