import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "./app-secret";

/**
 * AES-256-GCM for credentials and signing secrets at rest. Stored as `v1.<iv>.<tag>.<ciphertext>`
 * (base64url). The purpose is bound in as associated data, so a channel's credentials cannot be pasted
 * into a source's row and decrypt there.
 */
const VERSION = "v1";

export function encryptSecret(plaintext: string, purpose: string, key: Buffer = deriveKey("secret-box")): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export class SecretDecryptionError extends Error {
  constructor() {
    super("Stored secret could not be decrypted: was APP_SECRET changed since it was saved?");
    this.name = "SecretDecryptionError";
  }
}

export function decryptSecret(sealed: string, purpose: string, key: Buffer = deriveKey("secret-box")): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SecretDecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError();
  }
}

export function encryptJson(value: unknown, purpose: string, key?: Buffer): string {
  return encryptSecret(JSON.stringify(value), purpose, key);
}

export function decryptJson<T>(sealed: string, purpose: string, key?: Buffer): T {
  return JSON.parse(decryptSecret(sealed, purpose, key)) as T;
}
