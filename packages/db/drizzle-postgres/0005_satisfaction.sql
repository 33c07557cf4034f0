ALTER TABLE "requests" ADD COLUMN "satisfaction" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "satisfaction_comment" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "rated_at" timestamp (3) with time zone;