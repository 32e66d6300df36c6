import { type AnyPgColumn, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { templates } from "./templates";
import { users } from "./users";

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
    body: text("body").notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("template_versions_template_version_unique").on(t.templateId, t.version)],
);

export type TemplateVersion = typeof templateVersions.$inferSelect;
