import { z } from "zod";
import { userRoles } from "../roles";

export const passwordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(256, "Use at most 256 characters.");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "That email address is too long."));

export const roleSchema = z.enum(userRoles, { error: "Choose a role." });

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().max(100, "Use at most 100 characters.").default(""),
  role: roleSchema,
  /** Left empty, a password is generated and shown once. */
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const setRoleInput = z.object({ userId: z.uuid(), role: roleSchema });
export const setDisabledInput = z.object({ userId: z.uuid(), disabled: z.boolean() });
export const resetPasswordInput = z.object({ userId: z.uuid(), password: passwordSchema.optional() });

export const listUsersInput = z.object({
  search: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
