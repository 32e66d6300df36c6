import type { z } from "zod";

/**
 * Short, plain texts for zod's issues ("expected a number, got a string" rather than "Invalid input:
 * expected number, received string"). Passed per parse, so schemas that set their own message keep it.
 * Values are never echoed: the reason is stored and shown in the dashboard, and payloads carry personal data.
 */
export const payloadErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined) return "is missing";
  if (issue.code === "invalid_type") return `expected ${withArticle(issue.expected)}, got ${kindOf(issue.input)}`;
  return undefined;
};

/**
 * One line an admin can act on: where in the payload (`line_items[0].quantity`) and what is wrong. Only
 * the first three issues: a payload of the wrong kind produces dozens, and the first ones say it all.
 */
export function payloadReason(error: z.ZodError): string {
  const described = error.issues.slice(0, 3).map((issue) => {
    const where = pathText(issue.path);
    return issue.message.startsWith("is ") ? `${where} ${issue.message}` : `${where}: ${issue.message}`;
  });
  const more = error.issues.length - described.length;
  return described.join("; ") + (more > 0 ? ` (and ${more} more)` : "");
}

function pathText(path: PropertyKey[]): string {
  if (path.length === 0) return "the payload";
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join("");
}

function withArticle(expected: string): string {
  if (expected === "object" || expected === "array" || expected === "integer") return `an ${expected}`;
  return `a ${expected}`;
}

function kindOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "an array";
  const kind = typeof input;
  return kind === "object" || kind === "undefined" ? `an ${kind}` : `a ${kind}`;
}
/**
 * Turns a zod error into one line an admin can act on: where in the payload, and what was wrong. Only the
 * first few issues, because a payload of the wrong kind produces dozens and the first ones say it all.
 */
export function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 4)
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".")}: ${issue.message}`)
    .join("; ");
}
