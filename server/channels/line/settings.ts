import { z } from "zod";
import type { CredentialField } from "../channel-provider";

export const LINE_API_BASE_URL = "https://api.line.me";

export type LineCredentials = { channelAccessToken: string };
export type LineConfig = { notificationDisabled: boolean };

export const lineCredentialsSchema = z.object({
  channelAccessToken: z
    .string({ error: "Paste the channel access token." })
    .trim()
    .regex(/^\S{20,}$/, "A channel access token is one long word with no spaces: LINE Developers Console → your Messaging API channel → Messaging API → Channel access token."),
});

export const lineConfigSchema = z.object({
  // The form sends "true"/"false" as text; the stored config is a boolean.
  notificationDisabled: z.preprocess((value) => (value === "true" ? true : value === "false" || value === undefined || value === "" ? false : value), z.boolean()),
});

export const lineFields: CredentialField[] = [
  {
    name: "channelAccessToken",
    label: "Channel access token",
    help: "LINE Developers Console → your provider → Messaging API channel → Messaging API tab → Channel access token (long-lived) → Issue. The customer must have added your LINE Official Account as a friend.",
    secret: true,
    required: true,
  },
  {
    name: "notificationDisabled",
    label: "Silent messages",
    help: "Deliver without a push notification sound on the customer's phone.",
    secret: false,
    required: false,
    options: [
      { value: "false", label: "Notify the customer (default)" },
      { value: "true", label: "Silent" },
    ],
  },
];
