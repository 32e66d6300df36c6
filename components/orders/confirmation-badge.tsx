import type { ConfirmationState, OrderFlag } from "@/lib/order-states";
import { Badge } from "../ui/card";

const tone: Record<ConfirmationState | "held", "green" | "indigo" | "red" | "amber" | "gray"> = { delivered: "green", sent: "green", pending: "indigo", failed: "red", none: "gray", held: "amber" };
const label: Record<ConfirmationState | "held", string> = { delivered: "Delivered", sent: "Sent", pending: "Queued", failed: "Failed", none: "Nothing sent", held: "Held back" };

/** What the customer got: held orders say so whatever their messages. */
export function ConfirmationBadge({ confirmation, flags }: { confirmation: ConfirmationState; flags: OrderFlag[] }) {
  const state = flags.length ? "held" : confirmation;
  return <Badge tone={tone[state]}>{label[state]}</Badge>;
}

/** "2.4 s", "1 min 5 s", "3 h 2 min": time from payment to the first message. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

export function latencySeconds(paidAt: Date | null, firstSentAt: Date | null): number | null {
  if (!paidAt || !firstSentAt) return null;
  return Math.max(0, (new Date(firstSentAt).getTime() - new Date(paidAt).getTime()) / 1000);
}
