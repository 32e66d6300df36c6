import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Who did what, when. Rows are only ever inserted. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null for the system (start-up, CLI without a user, the dispatcher). */
    actorId: uuid("actor_id").references(() => users.id),
    /** Kept as written at the time, so the log reads right even after the user changes their email. */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An order's staff actions on its timeline.
    index("audit_log_target_idx").on(t.targetType, t.targetId, t.at),
    index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action), index("audit_log_actor_idx").on(t.actorId),
  ],
);

export type AuditLogEntry = typeof auditLog.$inferSelect;
