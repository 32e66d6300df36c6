import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { channels, notifications, orders, sandboxMessages } from "@/db/schema";
import { offsetOf, pageOf } from "@/lib/pagination";

export const listSandboxMessagesInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
});

/** What the sandbox channels "sent", newest first, with the order each message was about. */
export async function listSandboxMessages(db: Db, input: z.input<typeof listSandboxMessagesInput>) {
  const { page, pageSize } = listSandboxMessagesInput.parse(input);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: sandboxMessages.id,
        kind: sandboxMessages.kind,
        recipient: sandboxMessages.recipient,
        subject: sandboxMessages.subject,
        text: sandboxMessages.text,
        html: sandboxMessages.html,
        createdAt: sandboxMessages.createdAt,
        channelName: channels.name,
        orderId: orders.id,
        orderNumber: orders.number,
      })
      .from(sandboxMessages)
      .innerJoin(channels, eq(channels.id, sandboxMessages.channelId))
      .leftJoin(notifications, eq(notifications.id, sandboxMessages.notificationId))
      .leftJoin(orders, eq(orders.id, notifications.orderId))
      .orderBy(desc(sandboxMessages.createdAt), desc(sandboxMessages.id))
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
    db.select({ total: count() }).from(sandboxMessages),
  ]);
  return pageOf(rows, totals?.total ?? 0, page, pageSize);
}
