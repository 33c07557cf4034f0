CREATE TABLE `request_tags` (
	`request_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`request_id`, `tag`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_tags_tag_idx` ON `request_tags` (`tag`);