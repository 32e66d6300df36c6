import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const flowTriggers = ["order_paid", "order_cancelled", "order_refunded"] as const;
export type FlowTrigger = (typeof flowTriggers)[number];

/** Which orders a flow applies to; every condition that is set must hold. */
export type FlowConditions = {
  sourceIds?: string[];
  minTotal?: number;
  maxTotal?: number;
  currencies?: string[];
  countries?: string[];
  hasEmail?: boolean;
  hasPhone?: boolean;
};

/** What to send on which trigger. The steps are rows of flow_steps. */
export const flows = pgTable("flows", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  trigger: text("trigger", { enum: flowTriggers }).notNull(),
  conditions: jsonb("conditions").$type<FlowConditions>().notNull().default({}),
  enabled: boolean("enabled").notNull().default(true),
  /** Lower runs first when several flows match one order. */
  position: integer("position").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Flow = typeof flows.$inferSelect;
