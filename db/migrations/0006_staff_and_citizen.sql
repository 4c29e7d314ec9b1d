CREATE TABLE `comment_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`filename` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_path` text NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_attachments_comment_idx` ON `comment_attachments` (`comment_id`);--> statement-breakpoint
CREATE TABLE `draft_downloads` (
	`version_id` integer NOT NULL,
	`format` text NOT NULL,
	`etag` text NOT NULL,
	`body` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`version_id`, `format`),
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `legal_opinions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`round` integer NOT NULL,
	`article_identity_id` integer,
	`body` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`answer` text,
	`answered_by` integer,
	`answered_at` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`article_identity_id`) REFERENCES `article_identities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `legal_opinions_round_idx` ON `legal_opinions` (`consultation_id`,`round`);--> statement-breakpoint
CREATE TABLE `opinion_comments` (
	`comment_id` integer PRIMARY KEY NOT NULL,
	`disposition_id` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`disposition_id`) REFERENCES `dispositions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `opinion_comments_disposition_idx` ON `opinion_comments` (`disposition_id`);--> statement-breakpoint
DROP INDEX `dispositions_topic_unique`;--> statement-breakpoint
ALTER TABLE `dispositions` ADD `title` text;--> statement-breakpoint
CREATE INDEX `dispositions_topic_idx` ON `dispositions` (`topic_id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `notify_result` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `legal_reviews` ADD `round` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `legal_reviews` ADD `returned_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `legal_reviews` ADD `returned_at` integer;