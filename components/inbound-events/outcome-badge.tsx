import type { InboundEventOutcome } from "@/lib/inbound-event-outcomes";
import { Badge } from "../ui/card";

const tone = { accepted: "green", flagged: "amber", duplicate: "gray", rejected: "red", ignored: "gray", received: "indigo" } as const satisfies Record<
  InboundEventOutcome,
  "green" | "amber" | "gray" | "red" | "indigo"
>;

export const outcomeLabel: Record<InboundEventOutcome, string> = {
  received: "Received",
  accepted: "Accepted",
  flagged: "Flagged",
  duplicate: "Duplicate",
  rejected: "Rejected",
  ignored: "Ignored",
};

/** What became of a trigger request. "Received" means answered and still being processed. */
export function OutcomeBadge({ outcome }: { outcome: InboundEventOutcome }) {
  return <Badge tone={tone[outcome]}>{outcomeLabel[outcome]}</Badge>;
}
