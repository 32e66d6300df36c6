import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { withAccessToken, type TokenGrant } from "../oauth/oauth-token";
import type { ProviderAnswer, Refusal } from "../provider-request";
import { rawMessage } from "./mime";
import { GMAIL_SEND_SCOPE, GOOGLE_TOKEN_URL, type GmailConfig, type GmailCredentials } from "./settings";

/** The OAuth grant for the chosen mode, or what is missing for it. */
export function gmailGrant(credentials: GmailCredentials, config: GmailConfig): TokenGrant | { missing: string } {
  const tokenUrl = config.tokenUrl ?? GOOGLE_TOKEN_URL;
  if (config.authMode === "service_account") {
    if (!credentials.clientEmail || !credentials.privateKey) return { missing: "the service account's email and private key" };
    // The mailbox the service account acts for (domain-wide delegation "sub").
    const userId = config.userId ?? "me";
    return {
      type: "jwt_bearer",
      tokenUrl,
      clientEmail: credentials.clientEmail,
      // Keys copied out of the JSON file sometimes keep their escaped "\n" line breaks.
      privateKey: credentials.privateKey.replace(/\\n/g, "\n"),
      scope: GMAIL_SEND_SCOPE,
      subject: userId === "me" ? config.fromAddress : userId,
    };
  }
  if (!credentials.clientId || !credentials.clientSecret || !credentials.refreshToken) return { missing: "the OAuth client ID, client secret and refresh token" };
  return { type: "refresh_token", tokenUrl, clientId: credentials.clientId, clientSecret: credentials.clientSecret, refreshToken: credentials.refreshToken };
}

type GoogleError = { error?: { code?: number; message?: string; status?: string; errors?: Array<{ domain?: string; reason?: string; message?: string }> } };

/** Gmail's usage limits answer 403 with these reasons; they clear with time, so they are retried. */
const RETRYABLE_403_REASONS = new Set(["dailyLimitExceeded", "userRateLimitExceeded", "rateLimitExceeded", "quotaExceeded"]);

function googleRefusal({ status, json }: ProviderAnswer): Refusal | null {
  const detail = (json as GoogleError | null)?.error;
  if (!detail || typeof detail !== "object") return null;
  const reasons = (Array.isArray(detail.errors) ? detail.errors : []).map((error) => error.reason).filter((reason): reason is string => typeof reason === "string");
  const label = reasons[0] ?? detail.status;
  const text = [label, detail.message ?? "no error description"].filter(Boolean).join(": ");
  return { error: text, ...(status === 403 && reasons.some((reason) => RETRYABLE_403_REASONS.has(reason)) ? { retryable: true } : {}) };
}

export async function sendWithGmail(message: OutboundMessage, credentials: GmailCredentials, config: GmailConfig, context: SendContext): Promise<SendResult> {
  const grant = gmailGrant(credentials, config);
  if ("missing" in grant) return { ok: false, retryable: false, error: `Gmail (${config.authMode}) needs ${grant.missing}: complete the channel's credentials.` };
  const url = `${context.baseUrl}/gmail/v1/users/${encodeURIComponent(config.userId ?? "me")}/messages/send`;
  const json = { raw: await rawMessage(message, config) };
  // withAccessToken refreshes the token once when Gmail answers 401 (revoked or expired early); a
  // second 401 is returned as it is and is permanent.
  const answer = await withAccessToken(grant, context, "Google OAuth", (token) =>
    context.request({ url, headers: { authorization: `Bearer ${token.accessToken}` }, json, refusal: googleRefusal }),
  );
  if (!answer.ok) return answer;
  const id = (answer.json as { id?: unknown } | null)?.id;
  return { ok: true, providerMessageId: typeof id === "string" ? id : null, httpStatus: answer.status };
}
