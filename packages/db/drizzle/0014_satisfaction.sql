ALTER TABLE `requests` ADD `satisfaction` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `satisfaction_comment` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `rated_at` integer;