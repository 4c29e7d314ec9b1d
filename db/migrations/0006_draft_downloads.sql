CREATE TABLE `draft_downloads` (
	`version_id` integer NOT NULL,
	`format` text NOT NULL,
	`etag` text NOT NULL,
	`body` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`version_id`, `format`),
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
