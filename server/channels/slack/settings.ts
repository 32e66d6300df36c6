import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

export const SLACK_API_BASE_URL = "https://slack.com";

export type SlackMode = "bot" | "webhook";
export type SlackCredentials = { botToken?: string; webhookUrl?: string };
export type SlackConfig = { mode: SlackMode | "auto"; defaultChannel?: string };

/** Incoming webhooks live on hooks.slack.com (hooks.slack-gov.com for GovSlack); their path is the secret. */
export function isSlackWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && (url.hostname === "hooks.slack.com" || url.hostname === "hooks.slack-gov.com") && /^\/(services|workflows|triggers)\/\S+$/.test(url.pathname);
  } catch {
    return false;
  }
}

export const slackCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z
    .object({
      botToken: z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, "A bot token starts with xoxb-: Slack app settings → OAuth & Permissions → Bot User OAuth Token.").optional(),
      webhookUrl: z.string().refine(isSlackWebhookUrl, "An incoming webhook URL looks like https://hooks.slack.com/services/T…/B…/…: Slack app settings → Incoming Webhooks.").optional(),
    })
    .refine((value) => value.botToken !== undefined || value.webhookUrl !== undefined, {
      error: "Paste a bot token (to post to any channel the bot is in) or an incoming webhook URL (one fixed channel).",
      path: ["botToken"],
    }),
);

export const slackConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    // "auto" (the form's first choice): bot when a bot token is set, else webhook.
    mode: z.enum(["auto", "bot", "webhook"], { error: "Choose automatic, bot or webhook." }).default("auto"),
    defaultChannel: z.string().regex(/^#?[A-Za-z0-9_.-]{1,80}$/, "Use a channel ID such as C0123456789 (channel details → About, at the bottom).").optional(),
  }),
);

export const slackFields: CredentialField[] = [
  {
    name: "botToken",
    label: "Bot token (bot mode)",
    help: "api.slack.com/apps → your app → OAuth & Permissions: add the chat:write scope, install to the workspace and copy the Bot User OAuth Token (xoxb-…). Invite the bot to each channel (/invite @yourapp).",
    secret: true,
    required: false,
    placeholder: "xoxb-…",
  },
  {
    name: "webhookUrl",
    label: "Incoming webhook URL (webhook mode)",
    help: "api.slack.com/apps → your app → Incoming Webhooks → Add New Webhook to Workspace, pick the channel, copy the URL. Anyone with this URL can post to that channel: it is kept as a secret. In webhook mode, a channel base URL override replaces only the host (for a relay); the URL's path is kept.",
    secret: true,
    required: false,
    placeholder: "https://hooks.slack.com/services/T…/B…/…",
  },
  {
    name: "mode",
    label: "Mode",
    help: "Bot: chat.postMessage, to the channel named in the flow step or the default channel. Webhook: always the webhook's own channel. Automatic: bot when a bot token is set, else webhook.",
    secret: false,
    required: false,
    options: [
      { value: "auto", label: "Automatic (bot if a bot token is set)" },
      { value: "bot", label: "Bot token (chat.postMessage)" },
      { value: "webhook", label: "Incoming webhook" },
    ],
  },
  {
    name: "defaultChannel",
    label: "Default channel ID (bot mode)",
    help: "Where internal alerts go when the flow step names no channel, e.g. C0123456789 (open the channel → channel name → About → Channel ID).",
    secret: false,
    required: false,
    placeholder: "C0123456789",
  },
];
