import type { ChannelProvider } from "../channel-provider";
import { sendTelegram } from "./send";
import { TELEGRAM_API_BASE_URL, telegramConfigSchema, telegramCredentialsSchema, telegramFields, type TelegramConfig, type TelegramCredentials } from "./settings";

export type { TelegramConfig, TelegramCredentials } from "./settings";
export { TELEGRAM_API_BASE_URL } from "./settings";

/**
 * Telegram Bot API `sendMessage`: the rendered text (HTML-escaped) to the customer's chat with the store's
 * bot, with buttons to the receipt and the order's status page. Telegram has no delivery receipts.
 * @see https://core.telegram.org/bots/api#sendmessage
 */
export const telegramProvider: ChannelProvider<TelegramCredentials, TelegramConfig> = {
  id: "telegram",
  name: "Telegram",
  kind: "messaging",
  description: "Sends order confirmations with receipt and tracking buttons from your Telegram bot to customers who started a chat with it.",
  docsUrl: "https://core.telegram.org/bots/api#sendmessage",
  recipient: "telegram",
  defaultBaseUrl: TELEGRAM_API_BASE_URL,
  credentialsSchema: telegramCredentialsSchema,
  configSchema: telegramConfigSchema,
  fields: telegramFields,
  // Telegram's bot FAQ: about 30 messages per second across chats (and one per second to the same chat).
  defaultRatePerSecond: 30,
  defaultConcurrency: 5,
  send: sendTelegram,
};
