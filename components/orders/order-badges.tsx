import type { OrderFlag, OrderStatus } from "@/lib/order-states";
import { Badge } from "../ui/card";

const statusTone: Record<OrderStatus, "green" | "amber" | "red" | "gray"> = { paid: "green", awaiting_payment: "amber", cancelled: "gray", refunded: "red" };
const statusLabel: Record<OrderStatus, string> = { paid: "Paid", awaiting_payment: "Awaiting payment", cancelled: "Cancelled", refunded: "Refunded" };
export const flagLabel: Record<OrderFlag, string> = { needs_contact: "Needs contact", awaiting_payment: "Awaiting payment", totals_mismatch: "Totals to review" };

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>;
}

export function OrderFlagBadges({ flags }: { flags: OrderFlag[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((flag) => (
        <Badge key={flag} tone="amber">
          {flagLabel[flag]}
        </Badge>
      ))}
    </span>
  );
}

const notificationTone = { pending: "indigo", sending: "indigo", sent: "green", delivered: "green", failed: "red", cancelled: "gray" } as const;

export function NotificationStatusBadge({ status }: { status: keyof typeof notificationTone }) {
  return <Badge tone={notificationTone[status]}>{status}</Badge>;
}
