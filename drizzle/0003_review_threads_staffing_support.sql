CREATE TABLE `staffing_support` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_id` integer NOT NULL,
	`officer_name` text NOT NULL,
	`field` text NOT NULL,
	`position_key` text,
	`working_group` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`note` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`ended_by` integer,
	`ended_at` integer,
	FOREIGN KEY (`ward_id`) REFERENCES `wards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staffing_support_ward_idx` ON `staffing_support` (`ward_id`,`field`);--> statement-breakpoint
ALTER TABLE `positions` ADD `rank` text;--> statement-breakpoint
ALTER TABLE `positions` ADD `concurrent_title_keys` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `proposals` ADD `superseded_by` integer REFERENCES proposals(id);--> statement-breakpoint
ALTER TABLE `review_comments` ADD `parent_id` integer REFERENCES review_comments(id);--> statement-breakpoint
ALTER TABLE `review_comments` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `review_comments` ADD `resolved_by` integer REFERENCES users(id);