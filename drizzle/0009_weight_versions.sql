ALTER TABLE `judgments` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `weightings` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `weightings_version_bump` AFTER UPDATE ON `weightings` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `weightings` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `judgments_version_bump` AFTER UPDATE ON `judgments` FOR EACH ROW WHEN NEW.`version` = OLD.`version` BEGIN UPDATE `judgments` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`; END;
