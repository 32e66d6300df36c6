import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

export const VIBER_API_BASE_URL = "https://chatapi.viber.com";

export type ViberCredentials = { authToken: string };
export type ViberConfig = { senderName: string; senderAvatar?: string };

export const viberCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    authToken: z.string({ error: "Paste the bot's authentication token." }).regex(/^\S{20,}$/, "The token is one long word with no spaces, like 445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9."),
  }),
);

export const viberConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    senderName: z.string({ error: "Enter the sender name customers see, e.g. your store's name." }).min(1).max(28, "Viber shows at most 28 characters of the sender name."),
    senderAvatar: z.url({ protocol: /^https$/, error: "Use an https URL to a small image (JPEG or PNG, under 100 KB)." }).optional(),
  }),
);

export const viberFields: CredentialField[] = [
  {
    name: "authToken",
    label: "Authentication token",
    help: "Viber Admin Panel (partners.viber.com) → your bot → Info → Token. Viber also signs delivery updates with it: after saving, set the bot's webhook to this channel's status URL (set_webhook). Only customers subscribed to the bot can receive messages.",
    secret: true,
    required: true,
  },
  {
    name: "senderName",
    label: "Sender name",
    help: "The name shown above each message (up to 28 characters), usually your store's name.",
    secret: false,
    required: true,
    placeholder: "Trail & Co",
  },
  {
    name: "senderAvatar",
    label: "Sender avatar URL (optional)",
    help: "An https link to a small square image shown next to the sender name. Leave empty to use the bot's own avatar.",
    secret: false,
    required: false,
    placeholder: "https://shop.example/logo.png",
  },
];
