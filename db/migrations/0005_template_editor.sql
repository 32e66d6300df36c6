ALTER TABLE "template_versions" ADD COLUMN "heading" text;--> statement-breakpoint
ALTER TABLE "template_versions" ADD COLUMN "footer" text;--> statement-breakpoint
ALTER TABLE "template_versions" ADD COLUMN "whatsapp_template" jsonb;