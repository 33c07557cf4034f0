CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation` text NOT NULL,
	`tenant_domain` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_tenant_domain_unique` ON `customers` (`tenant_domain`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`type` text NOT NULL,
	`actor` text NOT NULL,
	`visibility` text NOT NULL,
	`body` text,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `request_sequences` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer,
	`locale` text NOT NULL,
	`category` text NOT NULL,
	`service` text NOT NULL,
	`severity` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`subject` text NOT NULL,
	`description` text NOT NULL,
	`organisation` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`tracking_token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`first_response_at` integer,
	`resolved_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_number_unique` ON `requests` (`number`);--> statement-breakpoint
CREATE INDEX `requests_status_idx` ON `requests` (`status`);--> statement-breakpoint
CREATE INDEX `requests_created_idx` ON `requests` (`created_at`);