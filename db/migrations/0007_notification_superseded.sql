DROP INDEX "notifications_failed_idx";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notifications_failed_idx" ON "notifications" USING btree ("updated_at","id") WHERE "notifications"."status" = 'failed' and "notifications"."dismissed_at" is null and "notifications"."superseded_at" is null;