CREATE TABLE `packet_builds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`input_hash` text NOT NULL,
	`status` text NOT NULL,
	`pdf_error` text,
	`error` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`duration_ms` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `packet_builds_input_unique` ON `packet_builds` (`consultation_id`,`input_hash`);