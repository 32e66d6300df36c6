/** The outcomes of a trigger request (see db/schema/inbound-events.ts), for filters in the browser. */
export const inboundEventOutcomes = ["received", "accepted", "flagged", "duplicate", "rejected", "ignored"] as const;
export type InboundEventOutcome = (typeof inboundEventOutcomes)[number];

/** How a trigger's signature was judged, as stored with the inbound event. */
export const signatureVerdicts = ["valid", "invalid", "missing", "not_required", "not_checked"] as const;
export type SignatureVerdict = (typeof signatureVerdicts)[number];
