/**
 * Zendesk's error bodies: `{"error":"RecordInvalid","description":"Record validation errors","details":
 * {"requester":[{"description":"…","error":"InvalidValue"}]}}`, `{"error":"Couldn't authenticate you"}`, and
 * for some endpoints `{"error":{"title":"…","message":"…"}}`.
 */
export type ZendeskErrorBody = {
  error?: string | { title?: string; message?: string };
  description?: string;
  details?: Record<string, Array<{ description?: string; error?: string }>>;
};

/** The provider's own error code, description and per-field reasons, on one line; null without any. */
export function describeZendeskError(body: ZendeskErrorBody | null): string | null {
  if (!body) return null;
  const parts: string[] = [];
  if (typeof body.error === "string") parts.push(body.error);
  else if (body.error) parts.push([body.error.title, body.error.message].filter(Boolean).join(": "));
  if (body.description) parts.push(body.description);
  const fieldReasons = Object.entries(body.details ?? {}).flatMap(([field, reasons]) =>
    (Array.isArray(reasons) ? reasons : []).map((reason) => `${field}: ${reason.description ?? reason.error ?? "invalid"}`),
  );
  if (fieldReasons.length > 0) parts.push(`(${fieldReasons.join("; ")})`);
  return parts.filter(Boolean).join(" — ") || null;
}
