CREATE TABLE `admin_portals` (
	`key` text PRIMARY KEY NOT NULL,
	`url_template` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `delegated_access_until` integer;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `operator_reference` text;