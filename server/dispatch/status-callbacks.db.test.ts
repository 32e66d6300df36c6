import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { deliveryStatusEvents } from "@/db/schema";
import { updateChannel } from "../channel-management/manage-channels";
import { signedResendWebhook } from "../channels/resend/fake";
import { describeWithDatabase } from "../testing/test-database";
import { receiveStatusCallback } from "./receive-status-callback";
import { runDispatchPass } from "./run-dispatch-pass";
import { notificationsOf, scriptedResend, setUpDispatch } from "./testing/dispatch-fixtures";

const webhookSecret = `whsec_${Buffer.from("orderbell-status-test-secret").toString("base64")}`;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

function asRequest(channelId: string, signed: ReturnType<typeof signedResendWebhook>): Request {
  return new Request(`http://localhost:3999/api/status/${channelId}`, { method: "POST", headers: signed.headers, body: new Uint8Array(signed.body) });
}

describeWithDatabase("delivery status callbacks", (database) => {
  async function sentThroughResend() {
    const { db } = database();
    const resend = await scriptedResend();
    closers.push(resend.close);
    const setup = await setUpDispatch(db, { baseUrl: resend.url });
    await updateChannel(db, null, { channelId: setup.channel.id, credentials: { webhookSecret } });
    await runDispatchPass(db, { workerId: "test" });
    const [sent] = await notificationsOf(db, setup.orderIds[0]!);
    expect(sent!.status).toBe("sent");
    return { db, ...setup, sent: sent! };
  }

  it("moves a sent message to delivered, and a repeat changes nothing", async () => {
    const { db, channel, orderIds, sent } = await sentThroughResend();
    const event = { type: "email.delivered", created_at: new Date().toISOString(), data: { email_id: sent.providerMessageId } };
    const answer = await receiveStatusCallback(db, channel.id, asRequest(channel.id, signedResendWebhook(webhookSecret, event)));
    expect(answer.status).toBe(200);
    const [delivered] = await notificationsOf(db, orderIds[0]!);
    expect(delivered).toMatchObject({ status: "delivered" });
    expect(delivered!.deliveredAt).toBeInstanceOf(Date);
    await receiveStatusCallback(db, channel.id, asRequest(channel.id, signedResendWebhook(webhookSecret, event)));
    const results = (await db.select().from(deliveryStatusEvents).where(eq(deliveryStatusEvents.channelId, channel.id))).map((row) => row.result);
    expect(results.sort()).toEqual(["applied", "unchanged"]);
  });

  it("marks a bounce failed with the provider's reason and falls back to the next channel", async () => {
    const { db, channel, orderIds, sent } = await sentThroughResend();
    const event = { type: "email.bounced", created_at: new Date().toISOString(), data: { email_id: sent.providerMessageId, bounce: { type: "Permanent", subType: "General", message: "mailbox does not exist" } } };
    expect((await receiveStatusCallback(db, channel.id, asRequest(channel.id, signedResendWebhook(webhookSecret, event)))).status).toBe(200);
    const rows = await notificationsOf(db, orderIds[0]!);
    expect(rows[0]).toMatchObject({ status: "failed", lastError: expect.stringMatching(/provider reported/) });
    expect(rows).toHaveLength(2);
    expect(rows[1]!.status).toBe("pending");
  });

  it("refuses a wrong signature, and records an unknown message id without changing anything", async () => {
    const { db, channel, orderIds } = await sentThroughResend();
    const wrong = signedResendWebhook(`whsec_${Buffer.from("another").toString("base64")}`, { type: "email.delivered", data: { email_id: "x" } });
    expect((await receiveStatusCallback(db, channel.id, asRequest(channel.id, wrong))).status).toBe(401);
    const unknown = signedResendWebhook(webhookSecret, { type: "email.delivered", created_at: new Date().toISOString(), data: { email_id: "not-ours" } });
    const answer = await receiveStatusCallback(db, channel.id, asRequest(channel.id, unknown));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ unknown: 1, applied: 0 });
    const [unchanged] = await notificationsOf(db, orderIds[0]!);
    expect(unchanged!.status).toBe("sent");
    expect((await receiveStatusCallback(db, "00000000-0000-4000-8000-000000000000", asRequest(channel.id, unknown))).status).toBe(404);
  });

  it("reads Twilio's signed status callback: delivered, and undelivered with the error code", async () => {
    const { db } = database();
    const { startFakeTwilio, signedTwilioCallback } = await import("../channels/twilio/fake");
    const { createChannel } = await import("../channel-management/manage-channels");
    const { flowSteps } = await import("@/db/schema");
    const twilio = { accountSid: `AC${"a1".repeat(16)}`, authToken: "5a7c0ffee0d4e1b2a3c4d5e6f7a8b9c0" };
    const fakeTwilio = await startFakeTwilio(twilio);
    closers.push(fakeTwilio.close);
    const resend = await scriptedResend();
    closers.push(resend.close);
    const setup = await setUpDispatch(db, { baseUrl: resend.url, count: 2 });
    const sms = await createChannel(db, null, { provider: "twilio", name: "Twilio", credentials: twilio, config: { from: "+15005550006" }, baseUrl: fakeTwilio.url, ratePerSecond: 100, maxConcurrency: 4 });
    // Send these orders' step through Twilio instead.
    await db.update(flowSteps).set({ channelIds: [sms.id] });
    const { notifications } = await import("@/db/schema");
    for (const orderId of setup.orderIds) await db.update(notifications).set({ channelId: sms.id, idempotencyKey: `twilio-${orderId}` }).where(eq(notifications.orderId, orderId));
    await runDispatchPass(db, { workerId: "test" });
    const [first] = await notificationsOf(db, setup.orderIds[0]!);
    const [second] = await notificationsOf(db, setup.orderIds[1]!);
    expect(first, JSON.stringify(first)).toMatchObject({ status: "sent", providerMessageId: expect.stringMatching(/^SM/) });

    const url = `http://localhost:3999/api/status/${sms.id}`;
    const toRequest = (signed: ReturnType<typeof signedTwilioCallback>) => new Request(signed.url, { method: "POST", headers: signed.headers, body: new Uint8Array(signed.body) });
    const delivered = await receiveStatusCallback(db, sms.id, toRequest(signedTwilioCallback(twilio.authToken, url, { MessageSid: first!.providerMessageId!, MessageStatus: "delivered", AccountSid: twilio.accountSid })));
    expect(delivered).toMatchObject({ status: 200, contentType: "text/xml" });
    await receiveStatusCallback(db, sms.id, toRequest(signedTwilioCallback(twilio.authToken, url, { MessageSid: second!.providerMessageId!, MessageStatus: "undelivered", ErrorCode: "30003", AccountSid: twilio.accountSid })));
    const [afterFirst] = await notificationsOf(db, setup.orderIds[0]!);
    const [afterSecond] = await notificationsOf(db, setup.orderIds[1]!);
    expect(afterFirst!.status).toBe("delivered");
    expect(afterSecond).toMatchObject({ status: "failed", lastError: expect.stringContaining("30003") });
    const forged = signedTwilioCallback("another-token-0123456789abcdef0123", url, { MessageSid: first!.providerMessageId!, MessageStatus: "failed" });
    expect((await receiveStatusCallback(db, sms.id, toRequest(forged))).status).toBe(401);
  });
});
