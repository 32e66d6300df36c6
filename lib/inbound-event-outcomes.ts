/** The outcomes of a trigger request (see db/schema/inbound-events.ts), for filters in the browser. */
export const inboundEventOutcomes = ["received", "accepted", "flagged", "duplicate", "rejected", "ignored"] as const;
export type InboundEventOutcome = (typeof inboundEventOutcomes)[number];
