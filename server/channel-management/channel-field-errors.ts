import type { z } from "zod";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { CredentialField } from "../channels/channel-provider";

/**
 * A provider schema's issues as form errors, keyed `credentials.<field>` / `config.<field>`: every field
 * at once, so an admin fixes the whole form in one go. A field the input left out is named "required"
 * with its label, whatever the schema's own wording for a wrong value.
 */
export function channelFieldErrors(error: z.ZodError, prefix: "credentials" | "config", fields: CredentialField[], given: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "");
    const field = fields.find((candidate) => candidate.name === name);
    const missing = field && (given[name] === undefined || given[name] === "");
    const key = name ? `${prefix}.${issue.path.join(".")}` : prefix;
    errors[key] ??= missing ? `${field.label} is required.` : issue.message;
  }
  return errors;
}

/** The issues on one line, each with its field, for reasons that are not shown next to a form. */
export function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
