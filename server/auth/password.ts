import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/**
 * Argon2id with the OWASP baseline (19 MiB memory, 2 passes, 1 lane): memory-hard, so a stolen hash
 * is expensive to attack on GPUs.
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the email is unknown, so response times do not tell an
 * attacker which addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("orderbell-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}

const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: easy to read aloud and retype

/** A generated password: four groups of five characters, about 99 bits. */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join(""),
  );
  return groups.join("-");
}
