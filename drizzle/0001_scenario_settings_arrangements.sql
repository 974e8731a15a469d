CREATE TABLE `arrangements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_id` integer NOT NULL,
	`scenario_id` integer NOT NULL,
	`scenario_name` text NOT NULL,
	`input_hash` text NOT NULL,
	`seats_json` text NOT NULL,
	`units_json` text NOT NULL,
	`applied_by` integer,
	`applied_at` integer NOT NULL,
	FOREIGN KEY (`ward_id`) REFERENCES `wards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `arrangements_ward_idx` ON `arrangements` (`ward_id`,`applied_at`);--> statement-breakpoint
ALTER TABLE `scenarios` ADD `settings_json` text;--> statement-breakpoint
ALTER TABLE `scenarios` ADD `input_hash` text;