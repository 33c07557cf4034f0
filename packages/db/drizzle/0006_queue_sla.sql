CREATE TABLE `sla_policy` (
	`id` integer PRIMARY KEY NOT NULL,
	`policy` text NOT NULL,
	`at_risk_fraction` real NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `requests_assignee_idx`;--> statement-breakpoint
DROP INDEX `requests_customer_idx`;--> statement-breakpoint
ALTER TABLE `requests` ADD `sla_due_at` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `sla_risk_at` integer;--> statement-breakpoint
CREATE INDEX `requests_sla_due_idx` ON `requests` (`sla_due_at`);--> statement-breakpoint
CREATE INDEX `requests_status_sla_idx` ON `requests` (`status`,`sla_due_at`);--> statement-breakpoint
CREATE INDEX `requests_severity_idx` ON `requests` (`severity`,`status`);--> statement-breakpoint
CREATE INDEX `requests_category_idx` ON `requests` (`category`,`status`);--> statement-breakpoint
CREATE INDEX `requests_service_idx` ON `requests` (`service`,`status`);--> statement-breakpoint
CREATE INDEX `requests_incident_idx` ON `requests` (`incident_id`,`status`);--> statement-breakpoint
CREATE INDEX `requests_assignee_idx` ON `requests` (`assignee_id`,`status`);--> statement-breakpoint
CREATE INDEX `requests_customer_idx` ON `requests` (`customer_id`,`status`);