import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";
import { secretText } from "../credential-rules";

export const TWILIO_API_BASE_URL = "https://api.twilio.com";

export type TwilioCredentials = { accountSid: string; authToken: string; apiKeySid?: string; apiKeySecret?: string };
export type TwilioConfig = { from?: string; messagingServiceSid?: string };

export const twilioCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z
    .object({
      accountSid: z
        .string({ error: "Paste your Account SID (AC…)." })
        .regex(/^AC[0-9a-fA-F]{32}$/, "An Account SID is AC followed by 32 hexadecimal characters: copy it from the Twilio Console home page."),
      // Required even with an API key: Twilio signs status callbacks with the account's Auth Token.
      authToken: z.string({ error: "Paste your Auth Token: Twilio signs delivery updates with it." }).regex(/^[0-9a-fA-F]{32}$/, "An Auth Token is 32 hexadecimal characters: Twilio Console → Account Info → Auth Token (Show)."),
      apiKeySid: z.string().regex(/^SK[0-9a-fA-F]{32}$/, "An API key SID is SK followed by 32 hexadecimal characters.").optional(),
      apiKeySecret: secretText("API key secret", 16).optional(),
    })
    .refine((value) => (value.apiKeySid === undefined) === (value.apiKeySecret === undefined), {
      error: "Fill in both the API key SID and its secret, or neither (then the Auth Token is used).",
      path: ["apiKeySecret"],
    }),
);

export const twilioConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z
    .object({
      from: z
        .string()
        // A number in E.164, or an alphanumeric sender id (1–11 characters, at least one letter).
        .regex(/^(\+[1-9]\d{6,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/, "Enter a Twilio number in E.164 form (+14155550100) or an alphanumeric sender ID of up to 11 characters.")
        .optional(),
      messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/, "A Messaging Service SID is MG followed by 32 hexadecimal characters.").optional(),
    })
    // With both, Twilio would send from the number but apply the service's settings: ask for exactly one.
    .refine((value) => (value.from === undefined) !== (value.messagingServiceSid === undefined), {
      error: "Fill in either the sender number or the Messaging Service SID (exactly one).",
      path: ["from"],
    }),
);

export const twilioFields: CredentialField[] = [
  {
    name: "accountSid",
    label: "Account SID",
    help: "Twilio Console → Account Info (home page). Starts with AC.",
    secret: true,
    required: true,
    placeholder: "AC…",
  },
  {
    name: "authToken",
    label: "Auth Token",
    help: "Twilio Console → Account Info → Auth Token (Show). Used to verify Twilio's delivery updates, and to send when no API key is set.",
    secret: true,
    required: true,
  },
  {
    name: "apiKeySid",
    label: "API key SID (optional)",
    help: "To send with an API key instead of the Auth Token: Twilio Console → Account → API keys & tokens → Create API key (Standard). Starts with SK.",
    secret: true,
    required: false,
    placeholder: "SK…",
  },
  {
    name: "apiKeySecret",
    label: "API key secret (optional)",
    help: "Shown once when the API key is created.",
    secret: true,
    required: false,
  },
  {
    name: "from",
    label: "Sender number",
    help: "A Twilio phone number in E.164 form (Console → Phone Numbers → Active numbers), or an alphanumeric sender ID where allowed. Leave empty when using a Messaging Service.",
    secret: false,
    required: false,
    placeholder: "+14155550100",
  },
  {
    name: "messagingServiceSid",
    label: "Messaging Service SID",
    help: "Instead of a sender number: Console → Messaging → Services → your service (MG…). Twilio then picks the sender from the service's pool.",
    secret: false,
    required: false,
    placeholder: "MG…",
  },
];
