import { z } from "zod";
import { confirmationStates, orderFlags, orderStatuses } from "../order-states";

/**
 * Control characters (NUL above all) are not text anyone searches for, and PostgreSQL refuses NUL in a
 * string: they become spaces, so odd input narrows the search instead of failing it.
 */
export const searchText = z
  .string()
  .max(200)
  .transform((value) => value.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim());

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01.");

/** What the customer got, plus "held" (held back by a flag, so nothing was planned). */
export const confirmationFilters = [...confirmationStates, "held"] as const;
export type ConfirmationFilter = (typeof confirmationFilters)[number];

export const confirmationFilterLabels: Record<ConfirmationFilter, string> = {
  delivered: "Delivered",
  sent: "Sent, no delivery report",
  pending: "Queued or retrying",
  failed: "Failed, nothing went out",
  held: "Held back",
  none: "Nothing planned",
};

/**
 * The orders list's search and filters: the same fields in the tRPC input, in the page's URL and in the
 * CSV export's query string (where the search is `q`).
 */
export const orderFiltersInput = z.object({
  /** Order number (with or without #), the platform's id, an email (whole or part), a phone in any format, a name. */
  search: searchText.optional(),
  status: z.enum(orderStatuses).optional(),
  flag: z.enum(orderFlags).optional(),
  /** Orders with a message that failed for good and that nobody resent or dismissed. */
  needsAttention: z.boolean().optional(),
  source: z.uuid().optional(),
  /** Orders with a message on this channel. */
  channel: z.uuid().optional(),
  confirmation: z.enum(confirmationFilters).optional(),
  /** Received on or after this day, in the store's time zone. */
  from: isoDate.optional(),
  /** Received on or before this day, in the store's time zone. */
  to: isoDate.optional(),
  customerId: z.uuid().optional(),
});

export type OrderFilters = z.infer<typeof orderFiltersInput>;

/** The URL query parameter of each filter (the search is `q`, as on the CSV export). */
export const filterParams = { search: "q", status: "status", flag: "flag", needsAttention: "attention", source: "source", channel: "channel", confirmation: "confirmation", from: "from", to: "to", customerId: "customer" } as const;

/** Reads filters from a URL's query string; what does not parse is reported, not ignored. */
export function filtersFromParams(params: URLSearchParams): { ok: true; filters: OrderFilters } | { ok: false; error: string } {
  const raw: Record<string, unknown> = {};
  for (const [field, param] of Object.entries(filterParams)) {
    const value = params.get(param);
    if (value === null || value === "") continue;
    raw[field] = field === "needsAttention" ? value === "1" || value === "true" : value;
  }
  const parsed = orderFiltersInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    return { ok: false, error: `${filterParams[field as keyof typeof filterParams] ?? field}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, filters: parsed.data };
}

export function paramsFromFilters(filters: Partial<OrderFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, param] of Object.entries(filterParams)) {
    const value = filters[field as keyof OrderFilters];
    if (value === undefined || value === "" || value === false) continue;
    params.set(param, value === true ? "1" : String(value));
  }
  return params;
}
