CREATE TABLE `comment_flags` (
	`comment_id` integer PRIMARY KEY NOT NULL,
	`draft_version_id` integer,
	`off_topic` integer DEFAULT false NOT NULL,
	`off_topic_reason` text,
	`duplicate_of` integer,
	`duplicate_kind` text,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`duplicate_of`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comment_flags_duplicate_idx` ON `comment_flags` (`duplicate_of`);--> statement-breakpoint
CREATE TABLE `comment_marks` (
	`comment_id` integer PRIMARY KEY NOT NULL,
	`marked_by` integer NOT NULL,
	`marked_at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
