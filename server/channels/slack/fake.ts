import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

/**
 * A stand-in for Slack: `POST /api/chat.postMessage` (Bearer xoxb token, JSON with charset, channel, text
 * or blocks, Block Kit limits) answering HTTP 200 `{ok:true, channel, ts, message}` or `{ok:false, error}`,
 * and incoming webhooks `POST /services/T…/B…/…` answering plain-text `ok` or plain-text errors.
 *
 * chat.postMessage failures are picked by channel:
 *   C0NOTFOUND channel_not_found   C0NOTIN not_in_channel   C0ARCHIVED is_archived
 *   C0RATELIMIT HTTP 429 + Retry-After   C0INTERNAL internal_error (in a 200)   C0DOWN HTTP 503
 * Webhook failures by the last path segment: ARCHIVED 410 channel_is_archived, PROHIBITED 403
 * action_prohibited, THROTTLED 429, DOWN 500; any path but the configured ones 404 no_service.
 */
export type FakeSlackOptions = { botToken: string; webhookPaths: string[]; retryAfterSeconds?: number };
export type FakeSlack = FakeHttpServer & { posted: Array<{ via: "api" | "webhook"; channel: string; ts: string; body: Record<string, unknown> }> };

const api = (error: string, status = 200, headers?: Record<string, string>): FakeResponse => ({ status, headers, body: { ok: false, error } });
const plain = (status: number, text: string, headers?: Record<string, string>): FakeResponse => ({ status, headers: { "content-type": "text/html", ...headers }, body: text });

const CHANNEL_ERRORS: Record<string, string> = { C0NOTFOUND: "channel_not_found", C0NOTIN: "not_in_channel", C0ARCHIVED: "is_archived", C0INTERNAL: "internal_error" };

/** The Block Kit limits chat.postMessage enforces: ≤ 50 blocks, section text ≤ 3000, ≤ 10 fields of ≤ 2000. */
function blocksProblem(blocks: unknown): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks) || blocks.length > 50) return "invalid_blocks";
  for (const block of blocks as Array<{ type?: unknown; text?: { type?: unknown; text?: unknown }; fields?: unknown }>) {
    if (typeof block.type !== "string") return "invalid_blocks";
    if (block.type !== "section") continue;
    if (block.text !== undefined && (typeof block.text.text !== "string" || block.text.text.length > 3000 || !["mrkdwn", "plain_text"].includes(String(block.text.type)))) return "invalid_blocks";
    if (block.fields !== undefined) {
      const fields = block.fields as Array<{ text?: unknown }>;
      if (!Array.isArray(fields) || fields.length > 10 || fields.some((field) => typeof field.text !== "string" || field.text.length > 2000)) return "invalid_blocks";
    }
    if (block.text === undefined && block.fields === undefined) return "invalid_blocks";
  }
  return null;
}

function parseJson(request: CapturedRequest): Record<string, unknown> | null {
  try {
    const body = JSON.parse(request.text) as unknown;
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function startFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  const posted: FakeSlack["posted"] = [];
  let clock = 1_764_237_600;
  const nextTs = () => `${clock++}.${String(posted.length + 1).padStart(6, "0")}`;

  const postMessage = (request: CapturedRequest): FakeResponse => {
    const auth = request.headers.authorization;
    if (!auth) return api("not_authed");
    if (auth !== `Bearer ${options.botToken}`) return api("invalid_auth");
    const type = String(request.headers["content-type"] ?? "");
    if (!type.startsWith("application/json")) return api("invalid_form_data");
    const body = parseJson(request);
    if (!body) return api("invalid_json");
    const channel = body.channel;
    if (typeof channel !== "string" || channel === "") return api("channel_not_found");
    const text = typeof body.text === "string" ? body.text : "";
    if (text === "" && body.blocks === undefined) return api("no_text");
    if (text.length > 40_000) return api("msg_too_long");
    const problem = blocksProblem(body.blocks);
    if (problem) return api(problem);
    if (channel === "C0RATELIMIT") return api("ratelimited", 429, { "retry-after": String(options.retryAfterSeconds ?? 3) });
    if (channel === "C0DOWN") return plain(503, "service unavailable");
    const error = CHANNEL_ERRORS[channel];
    if (error) return api(error);
    const ts = nextTs();
    posted.push({ via: "api", channel, ts, body });
    // Slack resolves "#name" to the channel's ID in its answer.
    const id = channel.startsWith("#") ? "C0ORDERS00" : channel;
    return {
      status: 200,
      body: {
        ok: true,
        channel: id,
        ts,
        message: { type: "message", subtype: "bot_message", text, ts, bot_id: "B0BOT00001", ...(body.blocks ? { blocks: body.blocks } : {}) },
        ...(type.includes("charset=utf-8") ? {} : { warning: "missing_charset", response_metadata: { warnings: ["missing_charset"] } }),
      },
    };
  };

  const webhook = (request: CapturedRequest): FakeResponse => {
    if (!options.webhookPaths.includes(request.path) && !/\/(ARCHIVED|PROHIBITED|THROTTLED|DOWN)$/.test(request.path)) return plain(404, "no_service");
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) return plain(400, "invalid_payload");
    const body = parseJson(request);
    if (!body) return plain(400, "invalid_payload");
    if ((typeof body.text !== "string" || body.text === "") && body.blocks === undefined) return plain(400, "no_text");
    if (blocksProblem(body.blocks)) return plain(400, "invalid_blocks");
    if (request.path.endsWith("/ARCHIVED")) return plain(410, "channel_is_archived");
    if (request.path.endsWith("/PROHIBITED")) return plain(403, "action_prohibited");
    if (request.path.endsWith("/THROTTLED")) return plain(429, "rate_limited", { "retry-after": String(options.retryAfterSeconds ?? 3) });
    if (request.path.endsWith("/DOWN")) return plain(500, "internal_error");
    posted.push({ via: "webhook", channel: request.path, ts: nextTs(), body });
    return plain(200, "ok");
  };

  const handle = (request: CapturedRequest): FakeResponse => {
    if (request.method !== "POST") return plain(405, "method_not_allowed");
    if (request.path === "/api/chat.postMessage") return postMessage(request);
    if (/^\/(services|workflows|triggers)\//.test(request.path)) return webhook(request);
    return api("unknown_method", 404);
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { posted });
}
