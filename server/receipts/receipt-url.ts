/** The customer's web receipt: APP_URL + /r/<token>. The token is the only secret in it. */
export function receiptUrl(appUrl: string, receiptToken: string): string {
  return `${appUrl.replace(/\/+$/, "")}/r/${encodeURIComponent(receiptToken)}`;
}

/** Receipt tokens are base64url, at least 128 bits (22 characters); anything else is not looked up. */
export function isWellFormedReceiptToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{22,128}$/.test(token);
}
