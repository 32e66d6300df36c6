import "server-only";
import { decryptJson, encryptJson } from "../crypto/secret-box";

/** Credentials are bound to their channel's id (AES-GCM associated data). */
const purposeOf = (channelId: string) => `channel:${channelId}`;

export function sealChannelCredentials(channelId: string, credentials: Record<string, unknown>): string {
  return encryptJson(credentials, purposeOf(channelId));
}

export function openChannelCredentials<T = Record<string, unknown>>(channelId: string, sealed: string): T {
  return decryptJson<T>(sealed, purposeOf(channelId));
}
