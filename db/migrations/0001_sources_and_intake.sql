DROP INDEX "customers_email_idx";--> statement-breakpoint
DROP INDEX "inbound_events_source_event_unique";--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "defaults_seeded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "flows" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "planned_triggers" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "totals_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "processing_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "processing_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "processed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "replay_of_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_email_unique" ON "customers" USING btree (lower("email")) WHERE "customers"."email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_events_source_dedupe_unique" ON "inbound_events" USING btree ("source_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "inbound_events_outcome_idx" ON "inbound_events" USING btree ("outcome","received_at");--> statement-breakpoint
CREATE INDEX "inbound_events_order_idx" ON "inbound_events" USING btree ("order_id");