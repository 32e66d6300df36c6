import type { DeliveryUpdate, StatusCallbackRequest } from "../channel-provider";

/** Vonage's DLR `err-code` meanings (developer.vonage.com, SMS delivery receipt error codes). */
const ERROR_CODES: Record<string, string> = {
  "1": "unknown",
  "2": "absent subscriber, temporary",
  "3": "absent subscriber, permanent",
  "4": "call barred by user",
  "5": "portability error",
  "6": "anti-spam rejection",
  "7": "handset busy",
  "8": "network error",
  "9": "illegal number",
  "10": "illegal message",
  "11": "unroutable",
  "12": "destination unreachable",
  "13": "subscriber age restriction",
  "14": "number blocked by carrier",
};

/**
 * A delivery receipt's parameters, wherever Vonage put them: the query string of a GET (the dashboard
 * default), or the body of a POST as a form or as JSON. Non-string JSON values are stringified, as they
 * would have been in a form.
 */
export function dlrParams(request: StatusCallbackRequest): Map<string, string> {
  const params = new Map<string, string>();
  if (request.method === "GET") {
    const query = new URL(request.url, "http://localhost").searchParams;
    for (const [name, value] of query) params.set(name, value);
    return params;
  }
  const type = request.headers.get("content-type") ?? "";
  const text = request.body.toString("utf8");
  if (type.includes("json")) {
    try {
      const json = JSON.parse(text) as unknown;
      if (typeof json === "object" && json !== null && !Array.isArray(json)) {
        for (const [name, value] of Object.entries(json)) if (value !== null && value !== undefined) params.set(name, typeof value === "string" ? value : String(value));
      }
    } catch {
      // Not JSON after all: no parameters.
    }
    return params;
  }
  for (const [name, value] of new URLSearchParams(text)) params.set(name, value);
  return params;
}

/** `message-timestamp` is "YYYY-MM-DD HH:MM:SS" in UTC. */
function receiptTime(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value.replace(" ", "T")}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function parseVonageDlr(request: StatusCallbackRequest): DeliveryUpdate[] {
  const params = dlrParams(request);
  const providerMessageId = params.get("messageId");
  const status = (params.get("status") ?? "").toLowerCase();
  if (!providerMessageId) return [];
  const at = receiptTime(params.get("message-timestamp"));
  const base = { providerMessageId, ...(at ? { at } : {}) };
  switch (status) {
    case "delivered":
      return [{ ...base, status: "delivered" }];
    case "expired":
    case "failed":
    case "rejected": {
      const code = params.get("err-code") ?? "";
      const meaning = ERROR_CODES[code];
      const reason = code ? `Vonage err-code ${code}${meaning ? ` (${meaning})` : ""}; DLR status ${status}` : `Vonage DLR status ${status}`;
      return [{ ...base, status: "failed", reason }];
    }
    case "accepted":
    case "buffered":
      return [{ ...base, status: "sent" }];
    default:
      // unknown: the carrier said nothing useful; keep the current status.
      return [];
  }
}
