import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { flows } from "./flows";
import { templates } from "./templates";

export const audiences = ["customer", "internal"] as const;
export type Audience = (typeof audiences)[number];

/** One message of a flow: channels in fallback order, a template and an optional delay. */
export const flowSteps = pgTable(
  "flow_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** Channel ids, first choice first; the next one is tried when a channel fails for good. */
    channelIds: uuid("channel_ids").array().notNull(),
    templateId: uuid("template_id").references(() => templates.id),
    delaySeconds: integer("delay_seconds").notNull().default(0),
    audience: text("audience", { enum: audiences }).notNull().default("customer"),
    /** For internal alerts: where the message goes (a Slack channel id, an email address...). */
    internalRecipient: text("internal_recipient"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("flow_steps_flow_position_unique").on(t.flowId, t.position)],
);

export type FlowStep = typeof flowSteps.$inferSelect;
