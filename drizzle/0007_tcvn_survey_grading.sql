ALTER TABLE `condition_surveys` ADD `derived_danger_level` text;--> statement-breakpoint
ALTER TABLE `condition_surveys` ADD `override_reason` text;--> statement-breakpoint
ALTER TABLE `condition_surveys` ADD `assessment_kind` text;--> statement-breakpoint
ALTER TABLE `condition_surveys` ADD `assessor_org` text;--> statement-breakpoint
ALTER TABLE `condition_surveys` ADD `assessor_qualification` text;--> statement-breakpoint
ALTER TABLE `condition_surveys` ADD `report_number` text;--> statement-breakpoint
ALTER TABLE `condition_surveys` ADD `foundation` integer;--> statement-breakpoint
-- Data: surveys recorded before the TCVN 9381 derivation keep the level that was typed, as an
-- override with its reason; their derived level is read from the main-structure rating
-- (4-5 A, 3 B, 2 C, 1 D; the foundation was not rated then). Their basis (visual screening or
-- an organisation's report) was not recorded and stays null ("not recorded").
UPDATE `condition_surveys` SET
	`derived_danger_level` = CASE
		WHEN `structure` >= 4 THEN 'A'
		WHEN `structure` = 3 THEN 'B'
		WHEN `structure` = 2 THEN 'C'
		WHEN `structure` = 1 THEN 'D'
		ELSE NULL
	END,
	`override_reason` = 'Cấp nguy hiểm nhập tay trước khi áp dụng cách xác định theo TCVN 9381:2012 (bộ phận chịu lực kém nhất quyết định); giữ nguyên cấp đã nhập, chưa đối chiếu lại.';
