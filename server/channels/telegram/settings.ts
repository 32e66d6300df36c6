import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

export const TELEGRAM_API_BASE_URL = "https://api.telegram.org";

export type TelegramCredentials = { botToken: string };
export type TelegramConfig = { receiptButtonLabel: string; trackButtonLabel: string };

export const telegramCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    // It becomes part of the URL path, so only the characters BotFather uses are accepted.
    botToken: z.string({ error: "Paste the bot token from @BotFather." }).regex(/^\d{5,15}:[A-Za-z0-9_-]{30,}$/, "A bot token looks like 123456789:AAH…: the bot's numeric id, a colon and a long key, as @BotFather shows it."),
  }),
);

export const telegramConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    receiptButtonLabel: z.string().max(64).default("View receipt"),
    trackButtonLabel: z.string().max(64).default("Track order"),
  }),
);

export const telegramFields: CredentialField[] = [
  {
    name: "botToken",
    label: "Bot token",
    help: "In Telegram, message @BotFather → /newbot (or /token for an existing bot) and copy the token. Customers must start a chat with the bot first; their chat id is what Orderbell sends to.",
    secret: true,
    required: true,
    placeholder: "123456789:AAH…",
  },
  {
    name: "receiptButtonLabel",
    label: "Receipt button label",
    help: "The label of the button that opens the order's receipt. Default “View receipt”.",
    secret: false,
    required: false,
    placeholder: "View receipt",
  },
  {
    name: "trackButtonLabel",
    label: "Tracking button label",
    help: "The label of the button that opens the order's status or tracking page, shown when the order has one. Default “Track order”.",
    secret: false,
    required: false,
    placeholder: "Track order",
  },
];
