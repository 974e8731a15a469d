CREATE TABLE `investment_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`storeys_from` integer NOT NULL,
	`storeys_to` integer,
	`vnd_per_m2` integer NOT NULL,
	`source` text NOT NULL,
	`year` integer NOT NULL,
	`verify` integer DEFAULT true NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`is_current` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `investment_rates_key_version_uq` ON `investment_rates` (`key`,`version`);--> statement-breakpoint
CREATE TABLE `legal_references` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`issued_on` text NOT NULL,
	`issuer` text NOT NULL,
	`title` text NOT NULL,
	`in_force_from` text NOT NULL,
	`in_force_to` text,
	`verify` integer DEFAULT true NOT NULL,
	`verify_note` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`is_current` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `legal_references_key_version_uq` ON `legal_references` (`key`,`version`);--> statement-breakpoint
CREATE INDEX `legal_references_current_idx` ON `legal_references` (`is_current`);