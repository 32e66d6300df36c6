import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { secretText } from "../credential-rules";

export const GRAPH_DEFAULT_BASE_URL = "https://graph.microsoft.com";
/** Client-credentials tokens carry the application permissions granted to the app (Mail.Send). */
export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

export function microsoftTokenUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const graphCredentialsSchema = z.object({
  tenantId: z.string().trim().regex(/^[A-Za-z0-9.-]{3,100}$/, "The directory (tenant) ID, a GUID, or the tenant's domain"),
  clientId: secretText("application (client) ID", 8),
  clientSecret: secretText("client secret's value", 8),
});

export const graphConfigSchema = z.object({
  fromAddress: z.email("The From address must be an email address"),
  fromName: z.string().trim().min(1).max(100).regex(/^[^\r\n]*$/, "The sender name must be one line"),
  replyTo: z.preprocess(blankAsUndefined, z.email("Reply-To must be an email address").optional()),
  /** The mailbox (user id or principal name) that sends; the From address when empty. */
  mailbox: z.preprocess(blankAsUndefined, z.string().trim().min(1).optional()),
  tokenUrl: z.preprocess(blankAsUndefined, z.url().optional()),
});

export type GraphCredentials = z.infer<typeof graphCredentialsSchema>;
export type GraphConfig = z.infer<typeof graphConfigSchema>;

export const graphFields: CredentialField[] = [
  {
    name: "tenantId",
    label: "Directory (tenant) ID",
    help: "Microsoft Entra admin center → App registrations → your app → Overview → Directory (tenant) ID.",
    secret: true,
    required: true,
    placeholder: "00000000-0000-0000-0000-000000000000",
  },
  {
    name: "clientId",
    label: "Application (client) ID",
    help: "On the same Overview page. Under API permissions, add Microsoft Graph → Application permissions → Mail.Send and grant admin consent (an Exchange application access policy can limit it to the sending mailbox).",
    secret: true,
    required: true,
  },
  { name: "clientSecret", label: "Client secret", help: "Certificates & secrets → New client secret: copy its Value (not the Secret ID); it is shown once and expires.", secret: true, required: true },
  {
    name: "fromAddress",
    label: "From address",
    help: "The sending mailbox's address; another address needs Send As permission on it in Exchange, or Graph answers ErrorSendAsDenied.",
    secret: false,
    required: true,
    placeholder: "orders@shop.example",
  },
  { name: "fromName", label: "Sender name", help: "The name customers see, usually the store name.", secret: false, required: true, placeholder: "Trail & Co" },
  { name: "replyTo", label: "Reply-To (optional)", help: "Where customer replies go, if not the From address.", secret: false, required: false, placeholder: "support@shop.example" },
  {
    name: "mailbox",
    label: "Mailbox (optional)",
    help: "The user (principal name or object id) whose mailbox sends and keeps a copy in Sent Items. Empty: the From address.",
    secret: false,
    required: false,
    placeholder: "orders@shop.example",
  },
  { name: "tokenUrl", label: "Token endpoint (advanced)", help: "Leave empty for https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token (national clouds use another host).", secret: false, required: false },
];
