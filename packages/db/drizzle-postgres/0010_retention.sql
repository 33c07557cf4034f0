CREATE TABLE "deleted_requests" (
	"request_id" integer PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"last_changed_at" timestamp (3) with time zone NOT NULL,
	"deleted_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "deleted_requests_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "retention_policy" (
	"id" integer PRIMARY KEY NOT NULL,
	"closed_request_days" integer,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" integer,
	"last_run_at" timestamp (3) with time zone,
	"last_run_deleted" integer
);
--> statement-breakpoint
ALTER TABLE "retention_policy" ADD CONSTRAINT "retention_policy_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;