ALTER TABLE `specialised_rooms` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `wards` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `wards_version_bump` AFTER UPDATE ON `wards` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `wards` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `users_version_bump` AFTER UPDATE OF `display_name`, `role`, `ward_id`, `disabled` ON `users` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `users` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `specialised_rooms_version_bump` AFTER UPDATE ON `specialised_rooms` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `specialised_rooms` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;