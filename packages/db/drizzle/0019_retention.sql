CREATE TABLE `deleted_requests` (
	`request_id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`last_changed_at` integer NOT NULL,
	`deleted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deleted_requests_number_unique` ON `deleted_requests` (`number`);--> statement-breakpoint
CREATE TABLE `retention_policy` (
	`id` integer PRIMARY KEY NOT NULL,
	`closed_request_days` integer,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	`last_run_at` integer,
	`last_run_deleted` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
