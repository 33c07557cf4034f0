CREATE TABLE "admin_portals" (
	"key" text PRIMARY KEY NOT NULL,
	"url_template" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "delegated_access_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "operator_reference" text;--> statement-breakpoint
ALTER TABLE "admin_portals" ADD CONSTRAINT "admin_portals_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;