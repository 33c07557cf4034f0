CREATE TABLE `article_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`locale` text NOT NULL,
	`article` text NOT NULL,
	`helpful` integer NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_feedback_submission_id_unique` ON `article_feedback` (`submission_id`);--> statement-breakpoint
CREATE INDEX `article_feedback_article_idx` ON `article_feedback` (`article`);--> statement-breakpoint
CREATE TABLE `service_incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service` text NOT NULL,
	`impact` text NOT NULL,
	`status` text NOT NULL,
	`message` text NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `service_incidents_active_idx` ON `service_incidents` (`resolved_at`);