import type { FieldErrors } from "@/lib/validation/field-errors";

/** The field errors and message a tRPC error carries (see errorFormatter in server/api/trpc.ts). */
export function errorDetails(error: unknown): { message: string; fieldErrors: FieldErrors } {
  const shaped = error as { message?: string; data?: { fieldErrors?: FieldErrors | null } } | null;
  return { message: shaped?.message ?? "Something went wrong.", fieldErrors: shaped?.data?.fieldErrors ?? {} };
}
