import type { Db } from "@/db/client";
import { generatePassword } from "../auth/password";
import { isUniqueViolation } from "../errors";
import { createUser } from "../users/create-user";
import { countUsers } from "../users/list-users";

export const defaultAdminEmail = "admin@orderbell.local";

export type FirstAdmin = { email: string; password: string | null; passwordFrom: "generated" | "ADMIN_PASSWORD" };

/**
 * Creates the first admin when there are no users at all: ADMIN_EMAIL / ADMIN_PASSWORD when set, else a
 * default address and a generated password that is returned once to be printed. Returns null when
 * users already exist (or another instance created the admin a moment ago).
 */
export async function ensureFirstAdmin(db: Db, given: { email?: string; password?: string }): Promise<FirstAdmin | null> {
  if ((await countUsers(db)) > 0) return null;
  const email = given.email ?? defaultAdminEmail;
  const password = given.password ?? generatePassword();
  try {
    await createUser(db, null, { email, name: "Admin", role: "admin", password });
  } catch (error) {
    if (isUniqueViolation(error) || (error as { code?: string }).code === "CONFLICT") return null;
    throw error;
  }
  return given.password
    ? { email, password: null, passwordFrom: "ADMIN_PASSWORD" }
    : { email, password, passwordFrom: "generated" };
}
