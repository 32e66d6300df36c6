import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createUserInput } from "@/lib/validation/users";
import { type Actor, recordAudit } from "../audit/record-audit";
import { generatePassword, hashPassword } from "../auth/password";
import { DomainError, isUniqueViolation } from "../errors";

export type CreatedUser = {
  user: { id: string; email: string; name: string; role: string };
  /** Set only when the password was generated: show it once, it is not stored in the clear. */
  generatedPassword: string | null;
};

export async function createUser(db: Db, actor: Actor, input: z.input<typeof createUserInput>): Promise<CreatedUser> {
  const { email, name, role, password } = createUserInput.parse(input);
  const generatedPassword = password ? null : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email, name, role, passwordHash })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
      await recordAudit(tx, actor, { action: "user.created", targetType: "user", targetId: user!.id, details: { email, role } });
      return { user: user!, generatedPassword };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", `A user with the email ${email} already exists.`, "email");
    throw error;
  }
}
