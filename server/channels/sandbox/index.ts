import { z } from "zod";
import type { ChannelProvider } from "../channel-provider";

const credentialsSchema = z.object({});
const configSchema = z.object({});

/**
 * The built-in sandbox: "sends" by recording the message in Orderbell's own database, where the Sandbox
 * inbox shows it as the customer would see it (the email rendered, the SMS as a phone bubble). It is the
 * default channel of a new install, so a test order flows end to end with no credentials.
 */
export const sandboxProvider: ChannelProvider<z.infer<typeof credentialsSchema>, z.infer<typeof configSchema>> = {
  id: "sandbox",
  name: "Sandbox",
  kind: "email",
  description: "Records messages inside Orderbell instead of sending them: try flows and templates with no provider account.",
  docsUrl: "/sandbox",
  recipient: "email",
  recipientByKind: { email: "email", sms: "phone", messaging: "phone", chat: "internal", crm: "email", support: "email", webhook: "internal" },
  defaultBaseUrl: null,
  credentialsSchema,
  configSchema,
  fields: [],
  defaultRatePerSecond: 50,
  defaultConcurrency: 10,
  async send(message, _credentials, _config, context) {
    if (!context.sandbox) return { ok: false, retryable: false, error: "the sandbox outbox is not available in this process" };
    const id = await context.sandbox.record(message);
    return { ok: true, providerMessageId: id };
  },
};
