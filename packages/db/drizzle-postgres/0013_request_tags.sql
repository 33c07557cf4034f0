CREATE TABLE "request_tags" (
	"request_id" integer NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "request_tags_request_id_tag_pk" PRIMARY KEY("request_id","tag")
);
--> statement-breakpoint
ALTER TABLE "request_tags" ADD CONSTRAINT "request_tags_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_tags_tag_idx" ON "request_tags" USING btree ("tag");