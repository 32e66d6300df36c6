import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

export const WHATSAPP_API_BASE_URL = "https://graph.facebook.com";
export const WHATSAPP_DEFAULT_API_VERSION = "v23.0";

export type WhatsAppCredentials = { accessToken: string; appSecret?: string; verifyToken?: string };
export type WhatsAppMode = "template" | "text";
export type WhatsAppConfig = {
  phoneNumberId: string;
  apiVersion: string;
  mode: WhatsAppMode;
  templateName?: string;
  languageCode: string;
  /** Template variable names, in the order of the template's body placeholders {{1}}, {{2}}… */
  bodyParameters: string[];
};

/** The form sends the parameter list as text ("customer.first_name, order.number"); the stored config is an array. */
function parameterList(value: unknown): unknown {
  if (value === undefined) return [];
  if (typeof value !== "string") return value;
  return value
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

export const whatsappCredentialsSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    accessToken: z.string({ error: "Paste a system user access token with the whatsapp_business_messaging permission." }).regex(/^\S{20,}$/, "An access token is one long word with no spaces: copy it again from Business Settings → System users."),
    appSecret: z.string().regex(/^[0-9a-f]{32}$/i, "An App Secret is 32 hexadecimal characters: App Dashboard → App settings → Basic → App secret.").optional(),
    verifyToken: z.string().min(8, "Use at least 8 characters for the verify token.").max(200).optional(),
  }),
);

export const whatsappConfigSchema = z.preprocess(
  trimBlankToUndefined,
  z
    .object({
      phoneNumberId: z.string({ error: "Enter the Phone number ID (digits) from WhatsApp Manager → API Setup." }).regex(/^\d{5,20}$/, "The Phone number ID is a number of digits, not the phone number itself: WhatsApp Manager → API Setup."),
      apiVersion: z.string().regex(/^v\d{1,2}\.\d$/, "Use a Graph API version such as v23.0.").default(WHATSAPP_DEFAULT_API_VERSION),
      mode: z.enum(["template", "text"], { error: "Choose template or text." }).default("template"),
      templateName: z.string().regex(/^[a-z0-9_]{1,512}$/, "Template names are lowercase letters, digits and underscores, exactly as in WhatsApp Manager → Message templates.").optional(),
      languageCode: z.string().regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, "Use the template's language code, e.g. en_US, en, pt_BR.").default("en_US"),
      bodyParameters: z.preprocess(parameterList, z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, "Parameters are template variable names such as order.number, separated by commas.")).max(20)),
    })
    .refine((config) => config.mode !== "template" || config.templateName !== undefined, {
      error: "Enter the name of the approved template to send (template mode).",
      path: ["templateName"],
    }),
);

export const whatsappFields: CredentialField[] = [
  {
    name: "accessToken",
    label: "Access token",
    help: "A permanent system user token: Meta Business Settings → Users → System users → Generate new token, with whatsapp_business_messaging (and whatsapp_business_management) for your app. Temporary tokens from API Setup expire after 24 hours.",
    secret: true,
    required: true,
    placeholder: "EAAG…",
  },
  {
    name: "appSecret",
    label: "App Secret (for delivery status)",
    help: "App Dashboard → App settings → Basic → App secret. Meta signs delivery webhooks with it; without it, delivery updates are refused.",
    secret: true,
    required: false,
  },
  {
    name: "verifyToken",
    label: "Webhook verify token (for delivery status)",
    help: "Any random string you choose: enter the same value in App Dashboard → WhatsApp → Configuration → Webhook (Callback URL = this channel's status URL) and subscribe to the messages field.",
    secret: true,
    required: false,
  },
  {
    name: "phoneNumberId",
    label: "Phone number ID",
    help: "WhatsApp Manager or App Dashboard → WhatsApp → API Setup → Phone number ID (a long number, not the phone number).",
    secret: false,
    required: true,
    placeholder: "106540352242922",
  },
  {
    name: "mode",
    label: "Message type",
    help: "Template: an approved message template, which WhatsApp allows at any time — use this for order confirmations. Free text is only delivered inside the 24-hour customer-service window (the customer wrote to you in the last 24 hours); outside it WhatsApp fails it with error 131047. Choose text only if your store knows its customers message first.",
    secret: false,
    required: false,
    options: [
      { value: "template", label: "Approved template (recommended)" },
      { value: "text", label: "Free text (24-hour window only)" },
    ],
  },
  {
    name: "templateName",
    label: "Template name",
    help: "The approved template's name, e.g. order_confirmation (WhatsApp Manager → Message templates). Category Utility.",
    secret: false,
    required: false,
    placeholder: "order_confirmation",
  },
  {
    name: "languageCode",
    label: "Template language",
    help: "The language code of the approved translation, exactly as in WhatsApp Manager (en_US, en, de, pt_BR…). Default en_US.",
    secret: false,
    required: false,
    placeholder: "en_US",
  },
  {
    name: "bodyParameters",
    label: "Body parameters",
    help: "The variables that fill the template's {{1}}, {{2}}… in order, separated by commas, e.g. customer.first_name, order.number, order.total, order.receipt_url.",
    secret: false,
    required: false,
    placeholder: "customer.first_name, order.number, order.total, order.receipt_url",
  },
  {
    name: "apiVersion",
    label: "Graph API version",
    help: "Default v23.0. Change only when Meta retires it.",
    secret: false,
    required: false,
    placeholder: WHATSAPP_DEFAULT_API_VERSION,
  },
];
