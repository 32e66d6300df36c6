import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { sandboxMessages } from "@/db/schema";
import { DomainError } from "../errors";
import { describeWithDatabase } from "../testing/test-database";
import { createChannel } from "./manage-channels";
import { sendTestMessage } from "./send-test-message";

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describeWithDatabase("channel forms and test sends", (database) => {
  it("names every missing required field at once, with its label", async () => {
    const { db } = database();
    const error = await refusal(createChannel(db, null, { provider: "resend", name: "Resend", credentials: {}, config: {} }));
    expect(error.fieldErrors).toEqual({
      "credentials.apiKey": "API key is required.",
      "config.fromAddress": "From address is required.",
      "config.fromName": "From name is required.",
    });
    expect(error.message).toMatch(/^3 fields need attention/);
  });

  it("refuses credentials that cannot be right, on their fields: a one-character token, an Account SID without AC", async () => {
    const { db } = database();
    const error = await refusal(
      createChannel(db, null, { provider: "twilio", name: "Twilio", credentials: { accountSid: "XX0123456789abcdef0123456789abcdef", authToken: "x" }, config: { from: "+14155550100" } }),
    );
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["credentials.accountSid", "credentials.authToken"]);
    expect(error.fieldErrors?.["credentials.accountSid"]).toMatch(/AC followed by 32 hexadecimal/);
    expect(error.fieldErrors?.["credentials.authToken"]).toMatch(/32 hexadecimal characters/);
  });

  it("checks a test send's recipient like an order's contact: email syntax, E.164 in the store's country, messenger id shape", async () => {
    const { db } = database();
    const email = await createChannel(db, null, { provider: "sandbox", name: "Sandbox mail", kind: "email" });
    const sms = await createChannel(db, null, { provider: "sandbox", name: "Sandbox texts", kind: "sms" });
    const line = await createChannel(db, null, {
      provider: "line",
      name: "LINE",
      credentials: { channelAccessToken: "line-channel-access-token-0123456789abcdef" },
      baseUrl: "http://127.0.0.1:9",
    });

    expect((await refusal(sendTestMessage(db, null, { channelId: email.id, to: "ada@@customer" }))).field).toBe("to");
    const sent = await sendTestMessage(db, null, { channelId: email.id, to: " Ada@Customer.example " });
    expect(sent.ok).toBe(true);

    expect(await refusal(sendTestMessage(db, null, { channelId: sms.id, to: "12345" }))).toMatchObject({ field: "to", message: expect.stringContaining("not a valid phone number for US") });
    // A national number is read in the store's country (US by default) and sent in E.164.
    expect((await sendTestMessage(db, null, { channelId: sms.id, to: "(415) 555-0132" })).ok).toBe(true);
    const recipients = (await db.select({ recipient: sandboxMessages.recipient }).from(sandboxMessages).where(eq(sandboxMessages.channelId, sms.id))).map((row) => row.recipient);
    expect(recipients).toEqual(["+14155550132"]);

    expect(await refusal(sendTestMessage(db, null, { channelId: line.id, to: "ada-on-line" }))).toMatchObject({ field: "to", message: expect.stringContaining("LINE user id") });
  });
});
