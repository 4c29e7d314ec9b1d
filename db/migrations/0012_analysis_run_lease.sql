ALTER TABLE `analysis_runs` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `analysis_runs` ADD `lease_until` integer;