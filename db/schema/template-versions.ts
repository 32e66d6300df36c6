import { type AnyPgColumn, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { templates } from "./templates";
import { users } from "./users";

/**
 * An approved WhatsApp template that a messaging template maps the order onto: its name and language as
 * in WhatsApp Manager, and the template variables (by dotted name) that fill {{1}}, {{2}}… in order.
 * `bodyText` is the approved body as the manager pasted it, only to preview the filled template.
 */
export type WhatsAppTemplateMapping = { name: string; languageCode: string; bodyParameters: string[]; bodyText: string | null };

/** Every save of a template is a new, immutable version. */
export const templateVersions = pgTable(
  "template_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    templateId: uuid("template_id")
      .notNull()
      .references((): AnyPgColumn => templates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    subject: text("subject"),
    /** Email only: the heading of the branded layout; null uses the layout's translated default. */
    heading: text("heading"),
    body: text("body").notNull(),
    /** Email only: the footer line of the branded layout; null uses the layout's translated default. */
    footer: text("footer"),
    /** Messaging only: the approved WhatsApp template the order's variables are mapped onto. */
    whatsappTemplate: jsonb("whatsapp_template").$type<WhatsAppTemplateMapping>(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("template_versions_template_version_unique").on(t.templateId, t.version)],
);

export type TemplateVersion = typeof templateVersions.$inferSelect;
