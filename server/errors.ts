import type { FieldErrors } from "@/lib/validation/field-errors";

/**
 * An expected failure of a domain operation, with the reason a user should read. The tRPC layer maps
 * these to TRPCError in one place; the CLI prints them; nothing else needs to know the transport.
 */
export type DomainErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "PRECONDITION_FAILED";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The form field the message belongs to, for inline errors. */
    readonly field?: string,
    /** Several fields at once (a form with more than one problem), each with its own message. */
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Postgres unique_violation, on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  while (current && typeof current === "object") {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
