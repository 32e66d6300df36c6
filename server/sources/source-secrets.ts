import { decryptJson, encryptJson } from "../crypto/secret-box";

/** Secrets are bound to their source's id (AES-GCM associated data): a copied blob will not decrypt elsewhere. */
const purposeOf = (sourceId: string) => `source:${sourceId}`;

export function sealSourceSecrets(sourceId: string, secrets: Record<string, string | undefined>): string {
  return encryptJson(secrets, purposeOf(sourceId));
}

export function openSourceSecrets(sourceId: string, sealed: string): Record<string, string | undefined> {
  return decryptJson(sealed, purposeOf(sourceId));
}
