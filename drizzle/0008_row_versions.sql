ALTER TABLE `buildings` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `condition_surveys` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `criteria` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `facilities` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `org_units` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `positions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `proposals` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `rooms` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `scenarios` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sites` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `buildings_version_bump` AFTER UPDATE ON `buildings` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `buildings` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `condition_surveys_version_bump` AFTER UPDATE ON `condition_surveys` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `condition_surveys` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `criteria_version_bump` AFTER UPDATE ON `criteria` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `criteria` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `facilities_version_bump` AFTER UPDATE ON `facilities` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `facilities` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `org_units_version_bump` AFTER UPDATE ON `org_units` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `org_units` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `positions_version_bump` AFTER UPDATE ON `positions` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `positions` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `proposals_version_bump` AFTER UPDATE ON `proposals` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `proposals` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `rooms_version_bump` AFTER UPDATE ON `rooms` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `rooms` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `scenarios_version_bump` AFTER UPDATE ON `scenarios` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `scenarios` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `sites_version_bump` AFTER UPDATE ON `sites` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `sites` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;
