CREATE TABLE "provider_message_parts" (
	"channel_id" uuid NOT NULL,
	"provider_message_id" text NOT NULL,
	"notification_id" uuid NOT NULL,
	"status" text,
	"reason" text,
	"reported_at" timestamp with time zone,
	CONSTRAINT "provider_message_parts_channel_id_provider_message_id_pk" PRIMARY KEY("channel_id","provider_message_id")
);
--> statement-breakpoint
ALTER TABLE "provider_message_parts" ADD CONSTRAINT "provider_message_parts_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_message_parts" ADD CONSTRAINT "provider_message_parts_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_message_parts_notification_idx" ON "provider_message_parts" USING btree ("notification_id");