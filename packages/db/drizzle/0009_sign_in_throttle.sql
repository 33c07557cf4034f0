CREATE TABLE `sign_in_throttle` (
	`email` text NOT NULL,
	`address` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`email`, `address`)
);
--> statement-breakpoint
CREATE INDEX `sign_in_throttle_updated_idx` ON `sign_in_throttle` (`updated_at`);