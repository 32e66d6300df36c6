import { and, eq } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { auditLog, notifications, orders, sandboxMessages } from "@/db/schema";
import { appRouter } from "../api/root";
import { createChannel } from "../channel-management/manage-channels";
import { startFakeTwilio } from "../channels/twilio/fake";
import { startFakeZendesk } from "../channels/zendesk/fake";
import { runDispatchPass } from "../dispatch/run-dispatch-pass";
import { createFlow } from "../flows/manage-flows";
import { describeWithDatabase } from "../testing/test-database";
import { callerAs, placeOrder, setUpDesk } from "./testing/support-fixtures";

const twilio = { accountSid: `AC${"0123456789abcdef".repeat(2)}`, authToken: "5e2d0f6a9c3b4e1d8a7f6b5c4d3e2f1a" };
const zendesk = { agentEmail: "agent@shop.example", apiToken: "zd-support-token" };
const fakes = { twilio: await startFakeTwilio(twilio), zendesk: await startFakeZendesk(zendesk) };
afterAll(async () => {
  await Promise.all([fakes.twilio.close(), fakes.zendesk.close()]);
});

describeWithDatabase("support actions through tRPC", (database) => {
  const dispatch = () => runDispatchPass(database().db, { workerId: "support-test" });
  const messagesOf = (orderId: string) => database().db.select().from(notifications).where(eq(notifications.orderId, orderId));

  let desk: Awaited<ReturnType<typeof setUpDesk>>;
  let twilioChannelId: string;

  it("sets up a desk with a Twilio SMS flow that refuses one number", async () => {
    const { db } = database();
    desk = await setUpDesk(db);
    const channel = await createChannel(db, null, {
      provider: "twilio",
      name: "Twilio SMS",
      credentials: twilio,
      config: { from: "+15005550006" },
      baseUrl: fakes.twilio.url,
      maxAttempts: 1,
      ratePerSecond: 1000,
    });
    twilioChannelId = channel.id;
    await createFlow(db, null, { name: "SMS by Twilio", trigger: "order_paid", conditions: { sourceIds: [desk.source.id] }, steps: [{ channelIds: [channel.id] }] });
  });

  it("lets an agent resend a message as a new notification with its own key, linked to the original", async () => {
    const { db } = database();
    const { caller, user } = await callerAs(db, "agent");
    const order = await placeOrder(db, desk.source.id, { name: "Ada Lovelace", email: "ada@example.com", phone: "+14155550132" });
    await dispatch();
    const original = (await messagesOf(order.orderId)).find((message) => message.channelId === desk.sandboxEmail.id)!;
    expect(original.status).toBe("sent");

    const resent = await caller.orders.resend({ notificationId: original.id, reason: "customer lost the email" });
    expect(resent).toMatchObject({ resendOfId: original.id, origin: "resend", status: "pending", subject: original.subject, htmlBody: original.htmlBody, recipient: "ada@example.com" });
    expect(resent.idempotencyKey).not.toBe(original.idempotencyKey);
    await dispatch();
    const recorded = await db.select().from(sandboxMessages).where(eq(sandboxMessages.notificationId, resent.id));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.idempotencyKey).toBe(resent.idempotencyKey);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "order.message_resent"), eq(auditLog.targetId, order.orderId)));
    expect(audit).toMatchObject({ actorId: user.id, details: expect.objectContaining({ resendOf: original.id, notificationId: resent.id, reason: "customer lost the email" }) });
    const details = await caller.orders.get({ id: order.orderId });
    expect(details.notifications.find((message) => message.id === original.id)!.resends).toEqual([resent.id]);
    expect(details.timeline.some((entry) => entry.kind === "staff" && entry.reason === "customer lost the email")).toBe(true);
  });

  it("needs re-rendering to resend through a channel of another kind, and re-renders from the live template", async () => {
    const { db } = database();
    const { caller } = await callerAs(db, "agent");
    const order = await placeOrder(db, desk.source.id, { name: "Grace Hopper", email: "grace@example.com", phone: "+14155550133" });
    await dispatch();
    const email = (await messagesOf(order.orderId)).find((message) => message.channelId === desk.sandboxEmail.id)!;
    await expect(caller.orders.resend({ notificationId: email.id, reason: "by text instead", channelId: desk.sandboxSms.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const resent = await caller.orders.resend({ notificationId: email.id, reason: "by text instead", channelId: desk.sandboxSms.id, rerender: true });
    expect(resent.renderedAt).toBeNull();
    await dispatch();
    const [sent] = await db.select().from(notifications).where(eq(notifications.id, resent.id));
    expect(sent).toMatchObject({ status: "sent", recipient: "+14155550133", htmlBody: null, templateVersionId: expect.any(String) });
    expect(sent!.textBody).toContain(order.number);
  });

  it("puts a failed SMS on the attention queue; fixing the number and resending clears it", async () => {
    const { db } = database();
    const { caller } = await callerAs(db, "agent");
    const order = await placeOrder(db, desk.source.id, { name: "Wrong Number", email: "wrong@example.com", phone: "+15005550001" });
    await dispatch();
    const failed = (await messagesOf(order.orderId)).find((message) => message.channelId === twilioChannelId)!;
    expect(failed).toMatchObject({ status: "failed", lastError: expect.stringContaining("21211") });
    const queue = await caller.orders.attention({});
    const item = queue.items.find((candidate) => candidate.message?.id === failed.id);
    expect(item).toMatchObject({ kind: "failed", order: { number: order.number } });
    const before = await caller.orders.attentionCount();
    expect(before.count).toBeGreaterThan(0);

    await expect(caller.orders.updateContact({ orderId: order.orderId, phone: "12", reason: "typo" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a valid phone number") });
    const fixed = await caller.orders.updateContact({ orderId: order.orderId, phone: "(415) 555-0134", reason: "customer called with the right number" });
    expect(fixed.contact.phone).toBe("+14155550134");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "order.contact_updated"), eq(auditLog.targetId, order.orderId)));
    expect(audit!.details).toMatchObject({ before: { phone: "+15005550001" }, after: { phone: "+14155550134" } });

    const resent = await caller.orders.resend({ notificationId: failed.id, reason: "number corrected", channelId: twilioChannelId });
    expect(resent.recipient).toBe("+14155550134");
    await dispatch();
    expect((await caller.orders.attention({})).items.some((candidate) => candidate.message?.id === failed.id)).toBe(false);
    expect((await caller.orders.attentionCount()).count).toBe(before.count - 1);
    expect(fakes.twilio.messages.at(-1)?.params.get("To")).toBe("+14155550134");
  });

  it("releases an order held for contact exactly once, however many agents fix it at once", async () => {
    const { db } = database();
    const { caller } = await callerAs(db, "agent");
    const other = await callerAs(db, "agent");
    const held = await placeOrder(db, desk.source.id, { name: "No Contact", email: "not-an-email", phone: "12" });
    expect(held.flags).toEqual(["needs_contact"]);
    expect(await messagesOf(held.orderId)).toHaveLength(0);
    const [first, second] = await Promise.all([
      caller.orders.updateContact({ orderId: held.orderId, email: "reachable@example.com", reason: "customer emailed us" }),
      other.caller.orders.updateContact({ orderId: held.orderId, phone: "+14155550135", reason: "customer called" }),
    ]);
    const released = [first, second].filter((result) => result.released);
    expect(released).toHaveLength(1);
    const planned = await messagesOf(held.orderId);
    expect(planned.length).toBe(released[0]!.planned);
    expect(planned.length).toBeGreaterThan(0);
    const [order] = await db.select().from(orders).where(eq(orders.id, held.orderId));
    expect(order!.flags).toEqual([]);
    // Fixing it again changes the contact but plans nothing more.
    await caller.orders.updateContact({ orderId: held.orderId, email: "again@example.com", reason: "second correction" });
    expect(await messagesOf(held.orderId)).toHaveLength(planned.length);
  });

  it("refuses an email another customer has, and an invalid one, with the field named", async () => {
    const { db } = database();
    const { caller } = await callerAs(db, "agent");
    await placeOrder(db, desk.source.id, { name: "Taken", email: "taken@example.com" });
    const order = await placeOrder(db, desk.source.id, { name: "Other", email: "other@example.com" });
    await expect(caller.orders.updateContact({ orderId: order.orderId, email: "TAKEN@example.com", reason: "typo fix" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.orders.updateContact({ orderId: order.orderId, email: "nope@", reason: "typo fix" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.orders.updateContact({ orderId: order.orderId, email: "x@example.com", reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("cancels pending messages with a reason, and says so when nothing is pending", async () => {
    const { db } = database();
    const { caller } = await callerAs(db, "agent");
    const order = await placeOrder(db, desk.source.id, { name: "Cancel Me", email: "cancel@example.com", phone: "+14155550136" });
    const result = await caller.orders.cancelPending({ orderId: order.orderId, reason: "customer asked for no messages" });
    expect(result.cancelled).toBe((await messagesOf(order.orderId)).length);
    expect((await messagesOf(order.orderId)).every((message) => message.status === "cancelled")).toBe(true);
    await expect(caller.orders.cancelPending({ orderId: order.orderId, reason: "again" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("opens a ticket through a Zendesk channel once one exists; its id and link reach the timeline", async () => {
    const { db } = database();
    const { caller } = await callerAs(db, "agent");
    const order = await placeOrder(db, desk.source.id, { name: "Ticket Person", email: "ticket@example.com" });
    await caller.orders.cancelPending({ orderId: order.orderId, reason: "only the ticket matters here" });
    await expect(caller.orders.openTicket({ orderId: order.orderId, reason: "parcel arrived damaged" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("Zendesk, Intercom or HubSpot") });
    await createChannel(db, null, { provider: "zendesk", name: "Zendesk", credentials: zendesk, config: { subdomain: "acme" }, baseUrl: fakes.zendesk.url });
    const ticket = await caller.orders.openTicket({ orderId: order.orderId, reason: "parcel arrived damaged" });
    expect(ticket).toMatchObject({ origin: "ticket", recipient: "ticket@example.com" });
    await dispatch();
    const sent = fakes.zendesk.tickets.at(-1) as { subject: string; comment: { html_body: string }; requester: { email: string } };
    expect(sent.requester.email).toBe("ticket@example.com");
    expect(sent.subject).toContain(order.number);
    expect(sent.comment.html_body).toContain("parcel arrived damaged");
    expect(sent.comment.html_body).toContain("Trail Runner 2");
    const details = await caller.orders.get({ id: order.orderId });
    const opened = details.timeline.find((entry) => entry.kind === "attempt" && entry.ticket);
    expect(opened).toMatchObject({ ticket: { id: expect.stringMatching(/^\d+$/), link: expect.stringMatching(/^https:\/\/acme\.zendesk\.com\/agent\/tickets\/\d+$/) } });
    // A ticket is not the customer's confirmation: the order's state comes from its messages only.
    expect(details.order.confirmation).toBe("none");
  });

  it("dismisses a held order with a reason; managers approve totals after seeing what will be sent", async () => {
    const { db } = database();
    const agent = (await callerAs(db, "agent")).caller;
    const manager = (await callerAs(db, "manager")).caller;
    const mismatch = await placeOrder(db, desk.source.id, { name: "Totals", email: "totals@example.com" }, { total: 99 });
    expect(mismatch.flags).toEqual(["totals_mismatch"]);
    await expect(agent.orders.approveTotals({ id: mismatch.orderId, reason: "checked" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const preview = await manager.orders.releasePreview({ id: mismatch.orderId });
    expect(preview.messages.map((message) => message.channel)).toEqual(expect.arrayContaining(["Sandbox email"]));
    const approved = await manager.orders.approveTotals({ id: mismatch.orderId, reason: "discount code applied by hand" });
    expect(approved.planned).toBe(preview.messages.length);

    const held = await placeOrder(db, desk.source.id, { name: "Unreachable", email: "nope" });
    expect((await agent.orders.attention({ pageSize: 100 })).items.some((item) => item.order.id === held.orderId)).toBe(true);
    await agent.orders.dismissAttention({ orderId: held.orderId, reason: "test order from the shop owner" });
    expect((await agent.orders.attention({ pageSize: 100 })).items.some((item) => item.order.id === held.orderId)).toBe(false);
    await expect(agent.orders.dismissAttention({ orderId: held.orderId, reason: "again" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("keeps agents out of templates, flows, channels, sources, users and settings", async () => {
    const { caller } = await callerAs(database().db, "agent");
    const procedures = Object.keys(appRouter._def.procedures as unknown as Record<string, unknown>).filter((path) => /^(templates|flows|channels|sources|users|settings|auditLog|inboundEvents)\./.test(path) && path !== "settings.display");
    expect(procedures.length).toBeGreaterThan(10);
    for (const path of procedures) {
      const [group, name] = path.split(".") as [string, string];
      const call = (caller as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>)[group]![name]!;
      await expect(call({}), path).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
