import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { deliveryStatusEvents } from "@/db/schema";
import { updateChannel } from "../channels/manage-channels";
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
});
