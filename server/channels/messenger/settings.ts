import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

export const MESSENGER_API_BASE_URL = "https://graph.facebook.com";
export const MESSENGER_DEFAULT_API_VERSION = "v23.0";

export type MessengerCredentials = { pageAccessToken: string; appSecret?: string; verifyToken?: string };
export type MessengerConfig = { pageId?: string; apiVersion: string; messagingType: "MESSAGE_TAG" | "RESPONSE" };

export const messengerCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    // It travels in the query string, so it must be URL-safe as pasted; Page tokens are [A-Za-z0-9].
    pageAccessToken: z.string({ error: "Paste the Page access token." }).regex(/^[A-Za-z0-9_-]{20,}$/, "A Page access token is one long word of letters and digits (EAAG…): copy it again from the App Dashboard."),
    appSecret: z.string().regex(/^[0-9a-f]{32}$/i, "An App Secret is 32 hexadecimal characters: App Dashboard → App settings → Basic → App secret.").optional(),
    verifyToken: z.string().min(8, "Use at least 8 characters for the verify token.").max(200).optional(),
  }),
);

export const messengerConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    pageId: z.string().regex(/^\d{5,20}$/, "The Page ID is a number: Page → About → Page transparency, or Meta Business Suite → Settings.").optional(),
    apiVersion: z.string().regex(/^v\d{1,2}\.\d$/, "Use a Graph API version such as v23.0.").default(MESSENGER_DEFAULT_API_VERSION),
    messagingType: z.enum(["MESSAGE_TAG", "RESPONSE"], { error: "Choose MESSAGE_TAG or RESPONSE." }).default("MESSAGE_TAG"),
  }),
);

export const messengerFields: CredentialField[] = [
  {
    name: "pageAccessToken",
    label: "Page access token",
    help: "App Dashboard → Messenger → Messenger API Settings → Generate access tokens for your Page (pages_messaging permission). A token from a system user does not expire.",
    secret: true,
    required: true,
    placeholder: "EAAG…",
  },
  {
    name: "appSecret",
    label: "App Secret (for delivery status)",
    help: "App Dashboard → App settings → Basic → App secret. Meta signs webhooks with it; without it, delivery updates are refused.",
    secret: true,
    required: false,
  },
  {
    name: "verifyToken",
    label: "Webhook verify token (for delivery status)",
    help: "Any random string you choose: enter the same value in App Dashboard → Messenger → Webhooks (Callback URL = this channel's status URL) and subscribe the Page to message_deliveries.",
    secret: true,
    required: false,
  },
  {
    name: "pageId",
    label: "Page ID",
    help: "The Facebook Page's numeric ID. Leave empty to send as the Page the token belongs to (/me/messages).",
    secret: false,
    required: false,
  },
  {
    name: "messagingType",
    label: "Messaging type",
    help: "MESSAGE_TAG with the POST_PURCHASE_UPDATE tag lets a Page message a customer about their purchase outside the 24-hour window. RESPONSE only works within 24 hours of the customer's last message. Meta changes tag policy from time to time: check Messenger Platform → Message tags.",
    secret: false,
    required: false,
    options: [
      { value: "MESSAGE_TAG", label: "Message tag POST_PURCHASE_UPDATE (recommended)" },
      { value: "RESPONSE", label: "Response (24-hour window only)" },
    ],
  },
  {
    name: "apiVersion",
    label: "Graph API version",
    help: "Default v23.0. Change only when Meta retires it.",
    secret: false,
    required: false,
    placeholder: MESSENGER_DEFAULT_API_VERSION,
  },
];
