import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import type { ProviderAnswer, Refusal } from "../provider-request";
import type { TelegramConfig, TelegramCredentials } from "./settings";

/** Telegram refuses a message whose text (after entity parsing) exceeds 4,096 characters. */
export const TELEGRAM_MAX_TEXT_LENGTH = 4096;

type TelegramAnswer = { ok?: unknown; result?: { message_id?: unknown }; error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown } };

/** Text for parse_mode HTML: only <, > and & are special there. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Telegram refuses the whole message when a button's URL is not a public http(s) address ("Wrong HTTP
 * URL"): a store running on localhost or an IP address would lose every confirmation. Such a link stays in
 * the text; only the button is left out.
 */
export function buttonUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    const host = url.hostname;
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (host === "localhost" || host.endsWith(".localhost") || !host.includes(".") || /^[\d.]+$/.test(host) || host.startsWith("[")) return null;
    return url.toString();
  } catch {
    return null;
  }
}

function inlineKeyboard(message: OutboundMessage, config: TelegramConfig) {
  const buttons = [
    { text: config.receiptButtonLabel, url: buttonUrl(message.order.receiptUrl) },
    { text: config.trackButtonLabel, url: buttonUrl(message.order.statusUrl) },
  ].filter((button): button is { text: string; url: string } => button.url !== null);
  return buttons.length ? { inline_keyboard: [buttons] } : null;
}

/** A numeric chat id (negative for groups) or a public channel's @username. */
const CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/;

export async function sendTelegram(message: OutboundMessage, credentials: TelegramCredentials, config: TelegramConfig, context: SendContext): Promise<SendResult> {
  if (!CHAT_ID.test(message.to)) return { ok: false, retryable: false, error: `"${message.to}" is not a Telegram chat id.` };
  if (message.text.length > TELEGRAM_MAX_TEXT_LENGTH) {
    return { ok: false, retryable: false, error: `The message is ${message.text.length} characters; Telegram accepts at most ${TELEGRAM_MAX_TEXT_LENGTH}. Shorten the template.` };
  }
  const keyboard = inlineKeyboard(message, config);
  const body = {
    chat_id: message.to,
    text: escapeTelegramHtml(message.text),
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(keyboard ? { reply_markup: keyboard } : {}),
  };
  // The token is part of the path: both its halves are secrets no error text may show.
  context.secrets.add(credentials.botToken.split(":")[1]);
  const answer = await context.request({ url: `${context.baseUrl}/bot${credentials.botToken}/sendMessage`, json: body, refusal: telegramRefusal, refusedInside: (answer) => ((answer.json as TelegramAnswer | null)?.ok === true ? null : telegramRefusal(answer)) });
  if (!answer.ok) return answer;
  const messageId = (answer.json as TelegramAnswer | null)?.result?.message_id;
  return { ok: true, providerMessageId: typeof messageId === "number" ? `${message.to}:${messageId}` : null, httpStatus: answer.status };
}

function telegramRefusal({ status, json }: ProviderAnswer): Refusal {
  const answer = json as TelegramAnswer | null;
  const code = typeof answer?.error_code === "number" ? answer.error_code : status;
  let description = `Telegram error ${code}: ${typeof answer?.description === "string" ? answer.description : "no description"}`;
  const migrated = answer?.parameters?.migrate_to_chat_id;
  if (typeof migrated === "number") description += ` (the group is now the supergroup ${migrated}: use that chat id)`;
  // 429 carries the wait in parameters.retry_after (seconds), which Telegram enforces to the second.
  const retryAfter = Number(answer?.parameters?.retry_after);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return { error: description, retryable: true, retryAfterMs: retryAfter * 1000 };
  // 400 chat not found, 403 bot blocked / kicked, 401 bad token, 404 malformed token: permanent; 5xx retryable.
  return { error: description };
}
