import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";
import { secretText } from "../credential-rules";

export const VONAGE_REST_BASE_URL = "https://rest.nexmo.com";

/** How Vonage signs requests and delivery receipts: Dashboard → Settings → "Signature method". */
export const vonageSignatureMethods = ["md5hash", "md5", "sha1", "sha256", "sha512"] as const;
export type VonageSignatureMethod = (typeof vonageSignatureMethods)[number];

export type VonageSmsCredentials = { apiKey: string; apiSecret: string; signatureSecret?: string };
export type VonageSmsConfig = { from: string; signatureMethod: VonageSignatureMethod };

export const vonageSmsCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    apiKey: z.string({ error: "Paste your Vonage API key." }).regex(/^[A-Za-z0-9]{6,}$/, "The API key is at least 6 letters and digits: copy it from the Vonage API Dashboard home page."),
    apiSecret: secretText("API secret", 8),
    signatureSecret: secretText("signature secret", 8).optional(),
  }),
);

export const vonageSmsConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    from: z
      .string({ error: "Enter the sender: a Vonage number or an alphanumeric sender ID." })
      // A number (E.164, "+" optional) or an alphanumeric sender id of up to 11 characters.
      .regex(/^(\+?[1-9]\d{6,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/, "Enter a number in international form (14155550100) or an alphanumeric sender ID of up to 11 characters."),
    signatureMethod: z.enum(vonageSignatureMethods).default("md5hash"),
  }),
);

export const vonageSmsFields: CredentialField[] = [
  {
    name: "apiKey",
    label: "API key",
    help: "Vonage API Dashboard → home page (API key).",
    secret: true,
    required: true,
  },
  {
    name: "apiSecret",
    label: "API secret",
    help: "Vonage API Dashboard → home page (API secret), or Settings → API keys.",
    secret: true,
    required: true,
  },
  {
    name: "signatureSecret",
    label: "Signature secret (optional, recommended)",
    help: "Vonage API Dashboard → Settings → your API key → Signature secret, with “Signed webhooks” enabled for SMS. When set, delivery receipts must carry a valid signature; without it, a receipt is only checked for your API key.",
    secret: true,
    required: false,
  },
  {
    name: "from",
    label: "Sender",
    help: "A Vonage virtual number (Numbers → Your numbers) in international form, or an alphanumeric sender ID where the destination country allows one.",
    secret: false,
    required: true,
    placeholder: "14155550100",
  },
  {
    name: "signatureMethod",
    label: "Signature method",
    help: "Must match Vonage API Dashboard → Settings → Signature method. Only used with a signature secret.",
    secret: false,
    required: false,
    options: [
      { value: "md5hash", label: "MD5 hash" },
      { value: "md5", label: "MD5 HMAC" },
      { value: "sha1", label: "SHA-1 HMAC" },
      { value: "sha256", label: "SHA-256 HMAC" },
      { value: "sha512", label: "SHA-512 HMAC" },
    ],
  },
];
