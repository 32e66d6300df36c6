import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { rebaseUrl } from "../webhook/rebase-url";
import { orderBlocks } from "./order-blocks";
import { SLACK_API_BASE_URL, type SlackConfig, type SlackCredentials, type SlackMode } from "./settings";

/** Slack's own "try again" errors, reported inside an HTTP 200; every other `error` is about the request. */
const RETRYABLE_ERRORS = new Set(["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

/** Slack refuses (msg_too_long) a text over 40,000 characters. */
export const SLACK_MAX_TEXT_LENGTH = 40_000;

export function slackMode(credentials: SlackCredentials, config: SlackConfig): SlackMode {
  if (config.mode === "bot" || config.mode === "webhook") return config.mode;
  return credentials.botToken ? "bot" : "webhook";
}

type PostMessageAnswer = { ok?: unknown; error?: unknown; channel?: unknown; ts?: unknown; response_metadata?: { messages?: unknown } };

function slackError(body: PostMessageAnswer | null): string | null {
  if (typeof body?.error !== "string") return null;
  const details = Array.isArray(body.response_metadata?.messages) ? ` (${body.response_metadata.messages.filter((line) => typeof line === "string").join("; ")})` : "";
  return `Slack error: ${body.error}${details}`;
}

async function postMessage(message: OutboundMessage, botToken: string, channel: string, context: SendContext): Promise<SendResult> {
  const answer = await context.request({
    url: `${context.baseUrl}/api/chat.postMessage`,
    headers: { authorization: `Bearer ${botToken}`, "content-type": "application/json; charset=utf-8" },
    json: { channel, text: message.text, blocks: orderBlocks(message), unfurl_links: false, unfurl_media: false },
    // 429 (with Retry-After) and 5xx by status; inside a 200, Slack's own transient errors.
    refusal: ({ json }) => ({ error: slackError(json as PostMessageAnswer | null) }),
    refusedInside: ({ json }) => {
      const body = json as PostMessageAnswer | null;
      if (body?.ok === true && typeof body.ts === "string") return null;
      const error = typeof body?.error === "string" ? body.error : null;
      return { error: slackError(body), retryable: error !== null && RETRYABLE_ERRORS.has(error) };
    },
  });
  if (!answer.ok) return answer;
  const body = answer.json as PostMessageAnswer;
  return { ok: true, providerMessageId: `${typeof body.channel === "string" ? body.channel : channel}:${String(body.ts)}`, httpStatus: answer.status };
}

async function postWebhook(message: OutboundMessage, webhookUrl: string, context: SendContext): Promise<SendResult> {
  // The URL is the credential, its path included; with a channel base URL override only its host
  // changes (rebase-url.ts).
  context.secrets.add(new URL(webhookUrl).pathname);
  const answer = await context.request({
    url: rebaseUrl(webhookUrl, context.baseUrl, SLACK_API_BASE_URL),
    headers: { "content-type": "application/json; charset=utf-8" },
    json: { text: message.text, blocks: orderBlocks(message), unfurl_links: false, unfurl_media: false },
    // Slack never redirects a webhook: a 3xx is refused as permanent rather than followed.
    redirect: "manual",
    // 400 invalid_payload/no_text, 403 action_prohibited, 404 channel_not_found/no_service, 410
    // channel_is_archived: permanent; 429 (Retry-After) and 5xx: retryable. Bodies are plain text.
    refusal: ({ text }) => ({ error: `Slack webhook error: ${text.trim().slice(0, 200) || "no answer body"}` }),
  });
  if (!answer.ok) return answer;
  // Webhooks give no message id: 200 "ok" is all Slack says.
  return { ok: true, providerMessageId: null, httpStatus: answer.status };
}

export async function sendSlack(message: OutboundMessage, credentials: SlackCredentials, config: SlackConfig, context: SendContext): Promise<SendResult> {
  if (message.text.length > SLACK_MAX_TEXT_LENGTH) {
    return { ok: false, retryable: false, error: `The message is ${message.text.length} characters; Slack accepts at most ${SLACK_MAX_TEXT_LENGTH}. Shorten the template.` };
  }
  if (slackMode(credentials, config) === "webhook") {
    if (!credentials.webhookUrl) return { ok: false, retryable: false, error: "This Slack channel is in webhook mode but has no incoming webhook URL: add one, or switch to bot mode." };
    return postWebhook(message, credentials.webhookUrl, context);
  }
  if (!credentials.botToken) return { ok: false, retryable: false, error: "This Slack channel is in bot mode but has no bot token: add one, or switch to webhook mode." };
  const channel = message.to.trim() || config.defaultChannel;
  if (!channel) return { ok: false, retryable: false, error: "No Slack channel to post to: name one in the flow step, or set the channel's default channel ID." };
  return postMessage(message, credentials.botToken, channel, context);
}
