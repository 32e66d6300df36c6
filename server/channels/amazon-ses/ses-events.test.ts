import { afterEach, describe, expect, it } from "vitest";
import { parseCallback, verifyCallback } from "../testing/provider-harness";
import { startFakeSns, type FakeSns } from "./fake-sns";
import { amazonSesProvider, type SesConfig, type SesCredentials } from "./index";

const credentials: SesCredentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const topicArn = "arn:aws:sns:eu-west-1:123456789012:ses-events";
const config: SesConfig = { region: "eu-west-1", fromAddress: "orders@shop.example", fromName: "Trail & Co", configurationSetName: "orderbell", snsTopicArn: topicArn };
const messageId = "0102019cdf6e1234-5678abcd-90ef-4a1b-8c2d-3e4f5a6b7c8d-000000";

const delivery = { eventType: "Delivery", mail: { messageId, timestamp: "2026-11-27T10:00:00.000Z" }, delivery: { timestamp: "2026-11-27T10:00:03.000Z", recipients: ["ada@customer.example"] } };
const bounce = {
  eventType: "Bounce",
  mail: { messageId },
  bounce: { bounceType: "Permanent", bounceSubType: "General", timestamp: "2026-11-27T10:00:04.000Z", bouncedRecipients: [{ emailAddress: "ada@customer.example", diagnosticCode: "smtp; 550 5.1.1 user unknown" }] },
};
const complaint = { notificationType: "Complaint", mail: { messageId }, complaint: { complaintFeedbackType: "abuse", timestamp: "2026-11-27T11:00:00.000Z" } };

let sns: FakeSns | null = null;
afterEach(async () => {
  await sns?.close();
  sns = null;
});

async function start() {
  sns = await startFakeSns("eu-west-1");
  return sns;
}

describe("Amazon SES events through SNS", () => {
  it("accepts signed Delivery, Bounce and Complaint notifications (signature versions 1 and 2) and maps them", async () => {
    const fake = await start();
    const deliveredV1 = fake.notification(topicArn, delivery);
    expect(await verifyCallback(amazonSesProvider, deliveredV1, credentials, config, fake.fetch)).toEqual({ ok: true });
    expect(await parseCallback(amazonSesProvider, deliveredV1, credentials, config, fake.fetch)).toEqual([{ providerMessageId: messageId, status: "delivered", at: new Date("2026-11-27T10:00:03.000Z") }]);

    const bouncedV2 = fake.notification(topicArn, bounce, { signatureVersion: "2", subject: "Amazon SES Email Event Notification" });
    expect(await verifyCallback(amazonSesProvider, bouncedV2, credentials, config, fake.fetch)).toEqual({ ok: true });
    expect(await parseCallback(amazonSesProvider, bouncedV2, credentials, config, fake.fetch)).toEqual([
      { providerMessageId: messageId, status: "failed", reason: "SES bounce (Permanent / General): smtp; 550 5.1.1 user unknown", at: new Date("2026-11-27T10:00:04.000Z") },
    ]);

    const complained = fake.notification(topicArn, complaint);
    expect(await verifyCallback(amazonSesProvider, complained, credentials, config, fake.fetch)).toEqual({ ok: true });
    expect(await parseCallback(amazonSesProvider, complained, credentials, config, fake.fetch)).toMatchObject([{ status: "failed", reason: expect.stringContaining("complaint: abuse") }]);
  });

  it("refuses a changed message, another topic, and a channel with no topic configured", async () => {
    const fake = await start();
    const genuine = fake.notification(topicArn, bounce);
    const tampered = { ...genuine, body: Buffer.from(genuine.body.toString().replace("Bounce", "Delivery")) };
    expect(await verifyCallback(amazonSesProvider, tampered, credentials, config, fake.fetch)).toMatchObject({ ok: false, reason: expect.stringContaining("signature does not match") });
    const otherTopic = fake.notification("arn:aws:sns:eu-west-1:999999999999:someone-else", delivery);
    expect(await verifyCallback(amazonSesProvider, otherTopic, credentials, config, fake.fetch)).toMatchObject({ ok: false, reason: expect.stringContaining("not from this channel's topic") });
    expect(await verifyCallback(amazonSesProvider, genuine, credentials, { ...config, snsTopicArn: undefined }, fake.fetch)).toMatchObject({ ok: false, reason: expect.stringContaining("No SNS topic ARN") });
    expect(await verifyCallback(amazonSesProvider, { ...genuine, body: Buffer.from("{}") }, credentials, config, fake.fetch)).toMatchObject({ ok: false });
  });

  it("trusts a certificate only from https://sns.<the channel's region>.amazonaws.com", async () => {
    const fake = await start();
    const path = new URL(fake.certificateUrl).pathname;
    for (const certificateUrl of [
      `https://sns.eu-west-1.amazonaws.com.attacker.example${path}`,
      `http://sns.eu-west-1.amazonaws.com${path}`,
      `https://sns.us-east-1.amazonaws.com${path}`,
      `https://sns.eu-west-1.amazonaws.com:8443${path}`,
      `https://attacker.example/sns.eu-west-1.amazonaws.com${path}`,
    ]) {
      const forged = fake.notification(topicArn, delivery, { certificateUrl });
      expect(await verifyCallback(amazonSesProvider, forged, credentials, config, fake.fetch)).toMatchObject({ ok: false, reason: expect.stringContaining("not https://sns.eu-west-1.amazonaws.com") });
    }
    // Nothing was downloaded from those hosts.
    expect(fake.requests).toHaveLength(0);
  });

  it("downloads the certificate once and keeps it for the next messages", async () => {
    const fake = await start();
    const cache = new Map<string, unknown>();
    const { createSendContext } = await import("../send-context");
    const context = createSendContext({ baseUrl: null, timeoutMs: 2000, credentials, cache, fetch: fake.fetch });
    for (let i = 0; i < 3; i += 1) {
      expect(await amazonSesProvider.verifyStatusCallback!(fake.notification(topicArn, delivery), credentials, config, context)).toEqual({ ok: true });
    }
    expect(fake.requests.filter((request) => request.path.endsWith(".pem"))).toHaveLength(1);
  });

  it("confirms the topic subscription by visiting SubscribeURL, after checking its signature", async () => {
    const fake = await start();
    const confirmation = fake.subscriptionConfirmation(topicArn);
    expect(await verifyCallback(amazonSesProvider, confirmation, credentials, config, fake.fetch)).toEqual({ ok: true });
    expect(await parseCallback(amazonSesProvider, confirmation, credentials, config, fake.fetch)).toEqual([]);
    expect(fake.confirmations).toHaveLength(1);
    expect(fake.confirmations[0]?.query.get("TopicArn")).toBe(topicArn);
    expect(fake.confirmations[0]?.query.get("Token")).toMatch(/^2336412f/);
  });
});
