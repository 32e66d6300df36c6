DROP INDEX "orders_created_at_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "receipt_first_viewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "receipt_last_viewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "confirmation" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "first_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "attention_dismissed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "origin" text DEFAULT 'flow' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "dismissed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_email_trgm_idx" ON "customers" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_status_created_idx" ON "orders" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_source_created_idx" ON "orders" USING btree ("source_id","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_confirmation_created_idx" ON "orders" USING btree ("confirmation","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_customer_created_idx" ON "orders" USING btree ("customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_number_search_idx" ON "orders" USING btree (lower(ltrim("number", '#')));--> statement-breakpoint
CREATE INDEX "orders_external_id_idx" ON "orders" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "orders_held_created_idx" ON "orders" USING btree ("created_at","id") WHERE cardinality("orders"."flags") > 0;--> statement-breakpoint
CREATE INDEX "orders_attention_idx" ON "orders" USING btree ("created_at","id") WHERE ("orders"."flags" && array['needs_contact', 'totals_mismatch']::text[]) and "orders"."attention_dismissed_at" is null;--> statement-breakpoint
CREATE INDEX "orders_paid_first_sent_idx" ON "orders" USING btree ("paid_at","first_sent_at");--> statement-breakpoint
CREATE INDEX "notifications_failed_idx" ON "notifications" USING btree ("updated_at","id") WHERE "notifications"."status" = 'failed' and "notifications"."dismissed_at" is null and "notifications"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_failed_order_idx" ON "notifications" USING btree ("order_id") WHERE "notifications"."status" = 'failed' and "notifications"."dismissed_at" is null and "notifications"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_resend_of_idx" ON "notifications" USING btree ("resend_of_id") WHERE "notifications"."resend_of_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_created_channel_idx" ON "notifications" USING btree ("created_at","channel_id","status");--> statement-breakpoint
CREATE INDEX "notifications_channel_order_idx" ON "notifications" USING btree ("channel_id","order_id");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","at");--> statement-breakpoint
CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at","id");