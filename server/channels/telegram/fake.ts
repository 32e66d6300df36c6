import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

/**
 * A stand-in for the Telegram Bot API `POST /bot<token>/sendMessage` that enforces the contract (the
 * token in the path, JSON, chat_id, text ≤ 4096 after entity parsing, well-formed parse_mode HTML, public
 * http(s) button URLs) and answers with Telegram's shapes: `{ok:true, result:Message}` or
 * `{ok:false, error_code, description, parameters?}`. Failures are picked by the chat id:
 *   404    400 chat not found          403    403 bot was blocked by the user
 *   429    429 retry after N (parameters.retry_after)   500  500 Internal Server Error
 *   -1001  400 group upgraded to a supergroup (parameters.migrate_to_chat_id)
 */
export type FakeTelegramOptions = { botToken: string; retryAfterSeconds?: number };
export type FakeTelegram = FakeHttpServer & { sent: Array<{ chatId: string; messageId: number; body: Record<string, unknown>; plainText: string }> };

const failure = (status: number, description: string, parameters?: Record<string, number>): FakeResponse => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

const TAGS = /^<\/?(b|strong|i|em|u|ins|s|strike|del|a|code|pre|blockquote|tg-spoiler|span|tg-emoji)(\s[^<>]*)?>/;
const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i;

/** Checks parse_mode HTML the way Telegram does and returns the text as the customer sees it, or the error. */
function parseHtml(text: string): { ok: true; plain: string } | { ok: false; error: string } {
  let plain = "";
  for (let index = 0; index < text.length; ) {
    const rest = text.slice(index);
    const byteOffset = Buffer.byteLength(text.slice(0, index));
    if (rest.startsWith("<")) {
      const tag = TAGS.exec(rest);
      if (!tag) return { ok: false, error: `Bad Request: can't parse entities: Unsupported start tag "${rest.slice(1).split(/[\s>]/)[0]}" at byte offset ${byteOffset}` };
      index += tag[0].length;
    } else if (rest.startsWith("&")) {
      const entity = ENTITY.exec(rest);
      if (!entity) return { ok: false, error: `Bad Request: can't parse entities: Unsupported entity at byte offset ${byteOffset}` };
      plain += { lt: "<", gt: ">", amp: "&", quot: '"' }[entity[1]!.toLowerCase()] ?? "?";
      index += entity[0].length;
    } else {
      plain += text[index];
      index += 1;
    }
  }
  return { ok: true, plain };
}

function checkKeyboard(markup: unknown): FakeResponse | null {
  if (markup === undefined) return null;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) return failure(400, "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
  for (const button of rows.flat() as Array<{ text?: unknown; url?: unknown }>) {
    if (typeof button.text !== "string" || button.text === "") return failure(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    let valid = false;
    try {
      const url = new URL(String(button.url));
      valid = (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.hostname.endsWith("localhost");
    } catch {
      valid = false;
    }
    if (!valid) return failure(400, `Bad Request: inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`);
  }
  return null;
}

export async function startFakeTelegram(options: FakeTelegramOptions): Promise<FakeTelegram> {
  const sent: FakeTelegram["sent"] = [];
  const messageIds = new Map<string, number>();

  const handle = (request: CapturedRequest): FakeResponse => {
    const path = /^\/bot([^/]+)\/(\w+)$/.exec(request.path);
    if (!path) return failure(404, "Not Found");
    if (path[1] !== options.botToken) return failure(401, "Unauthorized");
    if (path[2] !== "sendMessage") return failure(404, "Not Found: method not found");
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) return failure(400, "Bad Request: message text is empty");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return failure(400, "Bad Request: can't parse JSON object");
    }
    const chatId = typeof body.chat_id === "number" ? String(body.chat_id) : body.chat_id;
    if (typeof chatId !== "string" || chatId === "") return failure(400, "Bad Request: chat_id is empty");
    if (typeof body.text !== "string" || body.text.trim() === "") return failure(400, "Bad Request: message text is empty");
    if (body.parse_mode !== undefined && !["HTML", "MarkdownV2", "Markdown"].includes(String(body.parse_mode))) return failure(400, `Bad Request: unsupported parse_mode "${String(body.parse_mode)}"`);
    const parsed = body.parse_mode === "HTML" ? parseHtml(body.text) : { ok: true as const, plain: body.text };
    if (!parsed.ok) return failure(400, parsed.error);
    if (parsed.plain.length > 4096) return failure(400, "Bad Request: message is too long");
    const preview = body.link_preview_options;
    if (preview !== undefined && (typeof preview !== "object" || preview === null)) return failure(400, "Bad Request: can't parse link preview options JSON object");
    const keyboard = checkKeyboard(body.reply_markup);
    if (keyboard) return keyboard;

    if (chatId === "404") return failure(400, "Bad Request: chat not found");
    if (chatId === "403") return failure(403, "Forbidden: bot was blocked by the user");
    if (chatId === "429") {
      const seconds = options.retryAfterSeconds ?? 7;
      return failure(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
    }
    if (chatId === "500") return failure(500, "Internal Server Error");
    if (chatId === "-1001") return failure(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -1001234567890 });

    const messageId = (messageIds.get(chatId) ?? 0) + 1;
    messageIds.set(chatId, messageId);
    sent.push({ chatId, messageId, body, plainText: parsed.plain });
    const botId = Number(options.botToken.split(":")[0]);
    return {
      status: 200,
      body: {
        ok: true,
        result: {
          message_id: messageId,
          from: { id: botId, is_bot: true, first_name: "Trail & Co", username: "trailco_bot" },
          chat: chatId.startsWith("@") ? { id: -1001987654321, title: "Orders", username: chatId.slice(1), type: "channel" } : { id: Number(chatId), first_name: "Ada", type: "private" },
          date: Math.floor(Date.now() / 1000),
          text: parsed.plain,
          link_preview_options: body.link_preview_options,
          ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
        },
      },
    };
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { sent });
}
