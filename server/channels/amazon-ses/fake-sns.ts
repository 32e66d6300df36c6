import { randomUUID, sign } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer } from "@/server/testing/fake-http-server";
import type { StatusCallbackRequest } from "../channel-provider";
import { type SnsMessage, snsStringToSign } from "./sns";
import { TEST_SNS_CERTIFICATE, TEST_SNS_PRIVATE_KEY } from "./sns-test-certificate";

/**
 * A stand-in for Amazon SNS's HTTPS side, as the SNS developer guide describes it: it serves the signing
 * certificate where SigningCertURL points, answers the ConfirmSubscription GET, and signs the messages it
 * posts (string to sign per message type; SignatureVersion 1 SHA1withRSA, 2 SHA256withRSA).
 * `fetch` routes https://sns.<region>.amazonaws.com to this server, as DNS would route it to AWS; every
 * other host is unreachable.
 */
export type FakeSns = FakeHttpServer & {
  fetch: typeof fetch;
  confirmations: CapturedRequest[];
  certificateUrl: string;
  notification(topicArn: string, event: unknown, options?: { signatureVersion?: "1" | "2"; certificateUrl?: string; subject?: string }): StatusCallbackRequest;
  subscriptionConfirmation(topicArn: string): StatusCallbackRequest;
};

export async function startFakeSns(region: string): Promise<FakeSns> {
  const confirmations: CapturedRequest[] = [];
  const server = await startFakeHttpServer((request) => {
    if (request.method === "GET" && request.path === "/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem") {
      return { status: 200, headers: { "content-type": "application/x-x509-ca-cert" }, body: TEST_SNS_CERTIFICATE };
    }
    if (request.method === "GET" && request.path === "/" && request.query.get("Action") === "ConfirmSubscription" && request.query.get("Token")) {
      confirmations.push(request);
      const arn = `${request.query.get("TopicArn")}:${randomUUID()}`;
      return { status: 200, headers: { "content-type": "text/xml" }, body: `<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult><SubscriptionArn>${arn}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>` };
    }
    return { status: 404, body: "Not Found" };
  });
  const host = `https://sns.${region}.amazonaws.com`;
  const certificateUrl = `${host}/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`;

  const routed: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(`${host}/`)) throw new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } });
    return fetch(`${server.url}${url.slice(host.length)}`, init);
  };

  const post = (message: SnsMessage): StatusCallbackRequest => {
    const signatureAlgorithm = message.SignatureVersion === "1" ? "sha1" : "sha256";
    const signed = { ...message, Signature: sign(signatureAlgorithm, Buffer.from(snsStringToSign(message)), TEST_SNS_PRIVATE_KEY).toString("base64") };
    const headers = new Headers({ "content-type": "text/plain; charset=UTF-8", "x-amz-sns-message-type": message.Type, "x-amz-sns-message-id": message.MessageId, "x-amz-sns-topic-arn": message.TopicArn, "user-agent": "Amazon Simple Notification Service Agent" });
    return { url: "https://orders.shop.example/api/status/channel-1", method: "POST", headers, body: Buffer.from(JSON.stringify(signed)) };
  };

  return Object.assign(server, {
    fetch: routed,
    confirmations,
    certificateUrl,
    notification: (topicArn: string, event: unknown, options: { signatureVersion?: "1" | "2"; certificateUrl?: string; subject?: string } = {}) =>
      post({
        Type: "Notification",
        MessageId: randomUUID(),
        TopicArn: topicArn,
        ...(options.subject !== undefined ? { Subject: options.subject } : {}),
        Message: JSON.stringify(event),
        Timestamp: "2026-11-27T10:00:05.000Z",
        SignatureVersion: options.signatureVersion ?? "1",
        Signature: "",
        SigningCertURL: options.certificateUrl ?? certificateUrl,
      }),
    subscriptionConfirmation: (topicArn: string) => {
      const token = "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736";
      return post({
        Type: "SubscriptionConfirmation",
        MessageId: randomUUID(),
        Token: token,
        TopicArn: topicArn,
        Message: `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
        SubscribeURL: `${host}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topicArn)}&Token=${token}`,
        Timestamp: "2026-11-27T10:00:00.000Z",
        SignatureVersion: "1",
        Signature: "",
        SigningCertURL: certificateUrl,
      });
    },
  });
}
