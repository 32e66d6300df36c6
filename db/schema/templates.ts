import { type AnyPgColumn, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channelKinds } from "./channels";
import { templateVersions } from "./template-versions";

/** A message template for one channel kind and locale. Its content lives in versions; one is live. */
export const templates = pgTable(
  "templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    channelKind: text("channel_kind", { enum: channelKinds }).notNull(),
    locale: text("locale").notNull(),
    liveVersionId: uuid("live_version_id").references((): AnyPgColumn => templateVersions.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("templates_name_kind_locale_unique").on(t.name, t.channelKind, t.locale)],
);

export type Template = typeof templates.$inferSelect;
