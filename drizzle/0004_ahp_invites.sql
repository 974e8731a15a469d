CREATE TABLE `ahp_invites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ward_id` integer NOT NULL,
	`participant` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`ward_id`) REFERENCES `wards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ahp_invites_token_hash_unique` ON `ahp_invites` (`token_hash`);