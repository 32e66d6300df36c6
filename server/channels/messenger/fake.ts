import { randomBytes } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import type { StatusCallbackRequest } from "../channel-provider";
import { hubSignature } from "../whatsapp/meta-graph";

/**
 * A stand-in for the Messenger Send API `POST /{version}/{page-id|me}/messages?access_token=…` that
 * enforces the contract (the Page token in the query string, JSON, recipient.id, messaging_type with a
 * valid tag for MESSAGE_TAG, text ≤ 2000) and answers with Meta's shapes: `{recipient_id, message_id}`
 * or the Graph error object. Failures are picked by the PSID:
 *   1000000000000404  400 100/2018001 no matching user   1000000000000551  400 551 person unavailable
 *   1000000000000010  400 10/2018278 outside the window   1000000000000613  400 613 rate limit
 *   1000000000000500  500 2 service unavailable (transient)
 */
export type FakeMessengerOptions = { pageAccessToken: string; pageId: string; apiVersion?: string };
export type FakeMessenger = FakeHttpServer & { accepted: Array<{ id: string; body: Record<string, unknown> }> };

const TAGS = new Set(["CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE", "HUMAN_AGENT"]);

const graphError = (status: number, code: number, message: string, extra: { error_subcode?: number; type?: string; is_transient?: boolean } = {}): FakeResponse => ({
  status,
  body: { error: { message, type: extra.type ?? "OAuthException", code, ...extra, fbtrace_id: `A${randomBytes(8).toString("base64url")}` } },
});

const SCENARIOS: Record<string, FakeResponse> = {
  "1000000000000404": graphError(400, 100, "(#100) No matching user found", { error_subcode: 2018001 }),
  "1000000000000551": graphError(400, 551, "This person isn't available right now.", { error_subcode: 1545041 }),
  "1000000000000010": graphError(400, 10, "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview", { error_subcode: 2018278 }),
  "1000000000000613": graphError(400, 613, "(#613) Calls to this api have exceeded the rate limit."),
  "1000000000000500": graphError(500, 2, "An unexpected error has occurred. Please retry your request later.", { is_transient: true }),
};

export async function startFakeMessenger(options: FakeMessengerOptions): Promise<FakeMessenger> {
  const accepted: FakeMessenger["accepted"] = [];
  const version = options.apiVersion ?? "v23.0";

  const handle = (request: CapturedRequest): FakeResponse => {
    const token = request.query.get("access_token");
    if (!token) return graphError(400, 2500, "An active access token must be used to query information about the current user.");
    if (token !== options.pageAccessToken) return graphError(400, 190, "Invalid OAuth access token data.");
    const path = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(request.path);
    if (!path || path[1] !== version) return graphError(400, 2500, `Unknown path components: ${request.path}`);
    if (path[2] !== "me" && path[2] !== options.pageId) return graphError(400, 100, "(#100) The page access token does not match the page in the path", { type: "GraphMethodException" });
    if (request.method !== "POST") return graphError(400, 100, "Unsupported method");
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) return graphError(400, 100, "(#100) param recipient must be non-empty.");

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return graphError(400, 100, "(#100) Invalid JSON");
    }
    const recipient = (body.recipient as { id?: unknown } | undefined)?.id;
    if (typeof recipient !== "string" || !/^\d+$/.test(recipient)) return graphError(400, 100, "(#100) param recipient must be non-empty.");
    if (!["RESPONSE", "UPDATE", "MESSAGE_TAG"].includes(String(body.messaging_type))) return graphError(400, 100, "(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
    if (body.messaging_type === "MESSAGE_TAG" && !TAGS.has(String(body.tag))) return graphError(400, 100, "(#100) Param tag must be one of {CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE, ACCOUNT_UPDATE, HUMAN_AGENT}");
    const text = (body.message as { text?: unknown } | undefined)?.text;
    if (typeof text !== "string" || text === "") return graphError(400, 100, "(#100) Must send either message or state");
    if (text.length > 2000) return graphError(400, 100, "(#100) Length of param message[text] must be less than or equal to 2000");

    const scenario = SCENARIOS[recipient];
    if (scenario) return scenario;
    const id = `m_${randomBytes(24).toString("base64url")}`;
    accepted.push({ id, body });
    return { status: 200, body: { recipient_id: recipient, message_id: id } };
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { accepted });
}

/** A Page webhook with one `message_deliveries` event, signed with the app secret as Meta does. */
export function messengerDeliveryCallback(appSecret: string, pageId: string, psid: string, mids: string[], watermark = 1_764_237_600_000): StatusCallbackRequest {
  const body = Buffer.from(
    JSON.stringify({
      object: "page",
      entry: [{ id: pageId, time: watermark + 500, messaging: [{ sender: { id: psid }, recipient: { id: pageId }, delivery: { mids, watermark } }] }],
    }),
  );
  const headers = new Headers({ "content-type": "application/json", "x-hub-signature-256": hubSignature(appSecret, body) });
  return { url: "https://orders.shop.example/api/status/channel-1", method: "POST", headers, body };
}
