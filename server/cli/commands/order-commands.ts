import { formatMoney } from "@/lib/format";
import { findOrderId, getOrder } from "../../orders/get-order";
import { type CommandContext, UsageError } from "../cli-context";

export async function orderShow(context: CommandContext) {
  const reference = context.args.find((arg) => !arg.startsWith("--"));
  if (!reference) throw new UsageError("order:show needs an order number or id");
  const { db } = await context.database();
  const id = await findOrderId(db, reference);
  if (!id) throw new UsageError(`No order matches "${reference}".`);
  const details = await getOrder(db, id);
  const { order, items, notifications, customer, contact } = details;
  const messengers = Object.entries(contact.messengerIds).filter(([, value]) => value).map(([name, value]) => `${name} ${value}`);
  const money = (minor: number) => formatMoney(minor, order.currency);
  const lines = [
    `Order ${order.number} (${order.id}) from ${details.source.name} — ${order.status}${order.flags.length ? ` [${order.flags.join(", ")}]` : ""}`,
    `Customer: ${customer?.name ?? "?"} <${contact.email ?? "no email"}> ${contact.phone ?? "no phone"}${messengers.length ? ` · ${messengers.join(", ")}` : ""}`,
    ...items.map((item) => `  ${item.quantity} × ${item.name}${item.variant ? ` (${item.variant})` : ""}  ${money(item.unitPrice)}  = ${money(item.lineTotal)}`),
    `Total ${money(order.total)} (tax ${money(order.taxTotal)}, shipping ${money(order.shippingTotal)}, discounts −${money(order.discountTotal)})`,
    `Notifications:`,
    ...(notifications.length
      ? notifications.map(
          (notification) =>
            `  ${notification.id} ${notification.channelName}: ${notification.status}${notification.origin === "resend" ? ` (resend of ${notification.resendOfId})` : notification.origin === "ticket" ? ` (ticket${notification.providerMessageId ? ` ${notification.providerMessageId}` : ""})` : ""}${notification.lastError ? ` — ${notification.lastError}` : ""}`,
        )
      : ["  none"]),
  ];
  context.print(lines.join("\n"), details);
}
