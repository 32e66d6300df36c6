import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure, readJson } from "../http-failure";
import { TokenError, withAccessToken, type TokenGrant } from "../oauth/oauth-token";
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

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((out, secret) => (secret.length >= 6 ? out.split(secret).join("[redacted]") : out), text);
}

export async function sendWithGraph(message: OutboundMessage, credentials: GraphCredentials, config: GraphConfig, context: SendContext): Promise<SendResult> {
  const mailbox = config.mailbox ?? config.fromAddress;
  const url = `${context.baseUrl}/v1.0/users/${encodeURIComponent(mailbox)}/sendMail`;
  const body = JSON.stringify(sendMailBody(message, config));
  let response: Response;
  try {
    // One refresh on a 401 (token revoked or expired early); a second 401 fails permanently below.
    response = await withAccessToken(graphGrant(credentials, config), context, (token) =>
      context.fetch(url, { method: "POST", headers: { authorization: `Bearer ${token.accessToken}`, "content-type": "application/json", accept: "application/json" }, body }),
    );
  } catch (error) {
    if (error instanceof TokenError) {
      return { ok: false, retryable: !error.permanent, error: redact(`Microsoft identity platform: ${error.message}`, [credentials.clientSecret]), ...(error.status ? { httpStatus: error.status } : {}) };
    }
    return networkFailure(error, context.timeoutMs);
  }
  if (response.ok) {
    await response.body?.cancel();
    // 202 Accepted with no body: sendMail returns no message id. Null rather than a made-up reference;
    // the idempotency key is in the message's X-Orderbell-Idempotency-Key header for tracing.
    return { ok: true, providerMessageId: null, httpStatus: response.status };
  }
  const payload = await readJson<{ error?: { code?: string; message?: string } }>(response);
  const text = [payload?.error?.code, payload?.error?.message ?? (response.statusText || "no error description")].filter(Boolean).join(": ");
  // Status decides: 429 (with Retry-After), 503 and 504 are retried; ErrorInvalidRecipients (400),
  // ErrorSendAsDenied / ErrorAccessDenied (403), ErrorInvalidUser and MailboxNotEnabledForRESTAPI (404) are not.
  return httpFailure(response, redact(text, [credentials.clientSecret]));
}
