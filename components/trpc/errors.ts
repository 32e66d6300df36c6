import type { FieldErrors } from "@/lib/validation/field-errors";

/** The field errors and message a tRPC error carries (see errorFormatter in server/api/trpc.ts). */
export function errorDetails(error: unknown): { message: string; fieldErrors: FieldErrors } {
  const shaped = error as { message?: string; data?: { fieldErrors?: FieldErrors | null } } | null;
  return { message: shaped?.message ?? "Something went wrong.", fieldErrors: shaped?.data?.fieldErrors ?? {} };
}

/**
 * A refused form submission: messages for the fields the form shows inline, and the message for the
 * form as a whole when none of those fields has one (so nothing is said twice, and nothing is lost).
 */
export function formErrorsOf(error: unknown, inlineFields: string[]): { fieldErrors: FieldErrors; formError: string | null } {
  const { message, fieldErrors } = errorDetails(error);
  return { fieldErrors, formError: inlineFields.some((field) => fieldErrors[field]) ? null : message };
}
