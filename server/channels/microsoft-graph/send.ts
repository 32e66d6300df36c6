import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { withAccessToken, type TokenGrant } from "../oauth/oauth-token";
import { GRAPH_SCOPE, microsoftTokenUrl, type GraphConfig, type GraphCredentials } from "./settings";

export function graphGrant(credentials: GraphCredentials, config: GraphConfig): TokenGrant {
  return {
    type: "client_credentials",
    tokenUrl: config.tokenUrl ?? microsoftTokenUrl(credentials.tenantId),
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    scope: GRAPH_SCOPE,
  };
}

/**
 * The sendMail body. The JSON form carries one body, so the HTML goes when there is one, else the text.
 * Our idempotency key travels as a custom internet header (Graph requires the X- prefix), so the message
 * can be found in Sent Items or in a message trace.
 */
export function sendMailBody(message: OutboundMessage, config: GraphConfig) {
  return {
    message: {
      subject: message.subject ?? "",
      body: message.html ? { contentType: "HTML", content: message.html } : { contentType: "Text", content: message.text },
      from: { emailAddress: { address: config.fromAddress, name: config.fromName } },
      toRecipients: [{ emailAddress: { address: message.to } }],
      ...(config.replyTo ? { replyTo: [{ emailAddress: { address: config.replyTo } }] } : {}),
      internetMessageHeaders: [{ name: "X-Orderbell-Idempotency-Key", value: message.idempotencyKey }],
    },
    saveToSentItems: true,
  };
}

export async function sendWithGraph(message: OutboundMessage, credentials: GraphCredentials, config: GraphConfig, context: SendContext): Promise<SendResult> {
  const mailbox = config.mailbox ?? config.fromAddress;
  const url = `${context.baseUrl}/v1.0/users/${encodeURIComponent(mailbox)}/sendMail`;
  const json = sendMailBody(message, config);
  // One refresh on a 401 (token revoked or expired early); a second 401 is permanent.
  const answer = await withAccessToken(graphGrant(credentials, config), context, "Microsoft identity platform", (token) =>
    context.request({
      url,
      headers: { authorization: `Bearer ${token.accessToken}` },
      json,
      // Status decides: 429 (with Retry-After), 503 and 504 are retried; ErrorInvalidRecipients (400),
      // ErrorSendAsDenied / ErrorAccessDenied (403), ErrorInvalidUser and MailboxNotEnabledForRESTAPI (404) are not.
      refusal: ({ json: body }) => {
        const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
        const text = [error?.code, error?.message].filter((part) => typeof part === "string").join(": ");
        return text ? { error: text } : null;
      },
    }),
  );
  if (!answer.ok) return answer;
  // 202 Accepted with no body: sendMail returns no message id. Null rather than a made-up reference;
  // the idempotency key is in the message's X-Orderbell-Idempotency-Key header for tracing.
  return { ok: true, providerMessageId: null, httpStatus: answer.status };
}
