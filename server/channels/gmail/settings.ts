import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { secretText } from "../credential-rules";

export const GMAIL_DEFAULT_BASE_URL = "https://gmail.googleapis.com";
export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
/** The narrowest scope that can send: no reading of the mailbox. */
export const GMAIL_SEND_SCOPE = "https://www.googleapis.com/auth/gmail.send";

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalSecret = z.preprocess(blankAsUndefined, secretText("value", 8).optional());

/**
 * Two ways in, chosen by `authMode`: an OAuth client with a refresh token (any Gmail or Workspace
 * account), or a Workspace service account with domain-wide delegation. Only the fields of the chosen
 * mode are needed, which the form cannot express per field, so send() checks them.
 */
export const gmailCredentialsSchema = z.object({
  clientId: optionalSecret,
  clientSecret: optionalSecret,
  refreshToken: optionalSecret,
  clientEmail: z.preprocess(blankAsUndefined, z.email("The service account's client_email").optional()),
  privateKey: optionalSecret,
});

export const gmailConfigSchema = z.object({
  authMode: z.enum(["refresh_token", "service_account"]),
  fromAddress: z.email("The From address must be an email address"),
  fromName: z.string().trim().min(1).max(100).regex(/^[^\r\n]*$/, "The sender name must be one line"),
  replyTo: z.preprocess(blankAsUndefined, z.email("Reply-To must be an email address").optional()),
  /** "me" (the authorised account) or the mailbox address. */
  userId: z.preprocess(blankAsUndefined, z.string().trim().optional()),
  /** Overrides Google's token endpoint (a proxy, or a local fake in tests). */
  tokenUrl: z.preprocess(blankAsUndefined, z.url().optional()),
});

export type GmailCredentials = z.infer<typeof gmailCredentialsSchema>;
export type GmailConfig = z.infer<typeof gmailConfigSchema>;

export const gmailFields: CredentialField[] = [
  {
    name: "clientId",
    label: "OAuth client ID (refresh-token mode)",
    help: "Google Cloud console → APIs & Services → Credentials → an OAuth client ID (enable the Gmail API in the same project).",
    secret: true,
    required: false,
    placeholder: "1234567890-abc.apps.googleusercontent.com",
  },
  { name: "clientSecret", label: "OAuth client secret (refresh-token mode)", help: "Shown with the OAuth client ID (GOCSPX-…).", secret: true, required: false },
  {
    name: "refreshToken",
    label: "Refresh token (refresh-token mode)",
    help: "A refresh token for the sending account, granted the https://www.googleapis.com/auth/gmail.send scope with offline access (e.g. from the OAuth Playground using your own client). Tokens of apps left in “Testing” expire after 7 days: publish the consent screen.",
    secret: true,
    required: false,
  },
  {
    name: "clientEmail",
    label: "Service account email (service-account mode)",
    help: "The client_email of the service account's JSON key (IAM & Admin → Service accounts → Keys → Add key → JSON). Workspace only: in the Admin console, Security → API controls → Domain-wide delegation, allow its client ID the gmail.send scope.",
    secret: true,
    required: false,
    placeholder: "orderbell@project.iam.gserviceaccount.com",
  },
  {
    name: "privateKey",
    label: "Service account private key (service-account mode)",
    help: "The private_key of the same JSON key file, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.",
    secret: true,
    required: false,
  },
  {
    name: "authMode",
    label: "Authentication",
    help: "Refresh token: a Gmail or Workspace account that authorised an OAuth client. Service account: Workspace domain-wide delegation, sending as the mailbox below.",
    secret: false,
    required: true,
    options: [
      { value: "refresh_token", label: "OAuth client + refresh token" },
      { value: "service_account", label: "Service account (Workspace domain-wide delegation)" },
    ],
  },
  {
    name: "fromAddress",
    label: "From address",
    help: "The mailbox itself, or one of its “Send mail as” aliases (Gmail settings → Accounts); Gmail replaces any other From with the mailbox address.",
    secret: false,
    required: true,
    placeholder: "orders@shop.example",
  },
  { name: "fromName", label: "Sender name", help: "The name customers see, usually the store name.", secret: false, required: true, placeholder: "Trail & Co" },
  { name: "replyTo", label: "Reply-To (optional)", help: "Where customer replies go, if not the From address.", secret: false, required: false, placeholder: "support@shop.example" },
  {
    name: "userId",
    label: "Mailbox (optional)",
    help: "“me” (the default) sends from the authorised account. In service-account mode the mailbox to act as is this address, or the From address when left as “me”.",
    secret: false,
    required: false,
    placeholder: "me",
  },
  { name: "tokenUrl", label: "Token endpoint (advanced)", help: `Leave empty for Google's ${GOOGLE_TOKEN_URL}.`, secret: false, required: false, placeholder: GOOGLE_TOKEN_URL },
];
