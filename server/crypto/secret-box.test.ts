import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKey } from "./app-secret";
import { SecretDecryptionError, decryptJson, decryptSecret, encryptJson, encryptSecret } from "./secret-box";

const key = deriveKey("secret-box", "a-test-secret-that-is-long-enough-for-hkdf");

describe("secret box", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const sealed = encryptSecret("whsec_abc123", "source:1", key);
    expect(sealed).not.toContain("whsec_abc123");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(decryptSecret(sealed, "source:1", key)).toBe("whsec_abc123");
  });

  it("uses a fresh IV each time, so equal secrets do not look equal", () => {
    expect(encryptSecret("same", "p", key)).not.toBe(encryptSecret("same", "p", key));
  });

  it("refuses a secret sealed for another purpose", () => {
    const sealed = encryptSecret("token", "channel:a", key);
    expect(() => decryptSecret(sealed, "channel:b", key)).toThrow(SecretDecryptionError);
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = encryptSecret("token", "p", key);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), "p", key)).toThrow(SecretDecryptionError);
  });

  it("refuses to decrypt with a key derived from another APP_SECRET", () => {
    const sealed = encryptJson({ apiKey: "k" }, "p", key);
    const otherKey = deriveKey("secret-box", randomBytes(32).toString("hex"));
    expect(() => decryptJson(sealed, "p", otherKey)).toThrow(/APP_SECRET/);
    expect(decryptJson(sealed, "p", key)).toEqual({ apiKey: "k" });
  });
});
