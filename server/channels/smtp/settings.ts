import { z } from "zod";
import type { CredentialField } from "../channel-provider";
import { trimBlankFields } from "@/lib/validation/trim-blank-fields";

export const smtpSecurityModes = ["starttls", "tls", "none"] as const;
export type SmtpSecurity = (typeof smtpSecurityModes)[number];

/** The usual port for each mode: submission with STARTTLS, implicit TLS (SMTPS), plain SMTP. */
export const DEFAULT_SMTP_PORTS: Record<SmtpSecurity, number> = { starttls: 587, tls: 465, none: 25 };

export type SmtpCredentials = { username?: string; password?: string };
export type SmtpConfig = { host: string; port?: number; security: SmtpSecurity; fromAddress: string; fromName: string; replyTo?: string };

export const smtpCredentialsSchema = z.preprocess(
  trimBlankFields(["password"]),
  z
    .object({
      username: z.string().min(2, "That is too short to be an SMTP username.").max(320).optional(),
      // Kept as typed (spaces are allowed in passwords), but never a single character.
      password: z.string().min(4, "That is too short to be an SMTP password (at least 4 characters).").max(1000).optional(),
    })
    .refine((value) => (value.username === undefined) === (value.password === undefined), {
      error: "Fill in both the username and the password, or neither for a relay that needs no login.",
      path: ["password"],
    }),
);

export const smtpConfigSchema = z.preprocess(
  trimBlankFields(),
  z.object({
    host: z
      .string({ error: "Enter the SMTP server's host name, e.g. smtp.example.com." })
      .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/, "Enter a host name or IP address only, without smtp:// or a port."),
    port: z.coerce.number().int().min(1).max(65535).optional(),
    security: z.enum(smtpSecurityModes, { error: "Choose STARTTLS, TLS or none." }),
    fromAddress: z.email({ error: "Enter the sender address, e.g. orders@shop.example." }),
    fromName: z.string({ error: "Enter the sender name customers see, e.g. your store's name." }).max(200),
    replyTo: z.email({ error: "Enter a valid reply-to address, or leave it empty." }).optional(),
  }),
);

export const smtpFields: CredentialField[] = [
  {
    name: "username",
    label: "Username",
    help: "The SMTP login, often the full mailbox address or an SMTP user created in your mail provider's console (e.g. Postmark server token, SendGrid “apikey”, Amazon SES SMTP credentials). Leave empty for a relay that needs no login.",
    secret: true,
    required: false,
  },
  {
    name: "password",
    label: "Password",
    help: "The SMTP password or app password (providers with two-factor sign-in need an app password). Sent only over TLS when security is STARTTLS or TLS.",
    secret: true,
    required: false,
  },
  {
    name: "host",
    label: "SMTP host",
    help: "Your provider's SMTP server name, from its SMTP settings page, e.g. smtp.office365.com, smtp.gmail.com, email-smtp.eu-west-1.amazonaws.com.",
    secret: false,
    required: true,
    placeholder: "smtp.example.com",
  },
  {
    name: "port",
    label: "Port",
    help: "Leave empty for the usual port: 587 with STARTTLS, 465 with TLS, 25 without encryption.",
    secret: false,
    required: false,
    placeholder: "587",
  },
  {
    name: "security",
    label: "Security",
    help: "STARTTLS (port 587) upgrades the connection and refuses to continue without TLS; TLS (port 465) encrypts from the start; None sends in clear text and is only for a relay on the same machine or network.",
    secret: false,
    required: true,
    options: [
      { value: "starttls", label: "STARTTLS (port 587)" },
      { value: "tls", label: "TLS (port 465)" },
      { value: "none", label: "None (local relay only)" },
    ],
  },
  {
    name: "fromAddress",
    label: "From address",
    help: "The sender address; the SMTP account must be allowed to send as it (and the domain should have SPF/DKIM for this server).",
    secret: false,
    required: true,
    placeholder: "orders@shop.example",
  },
  {
    name: "fromName",
    label: "From name",
    help: "The name shown as the sender, usually your store's name.",
    secret: false,
    required: true,
    placeholder: "Trail & Co",
  },
  {
    name: "replyTo",
    label: "Reply-to address (optional)",
    help: "Where customer replies go, e.g. your support inbox.",
    secret: false,
    required: false,
    placeholder: "support@shop.example",
  },
];
