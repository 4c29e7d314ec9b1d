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
CREATE INDEX `dispositions_topic_idx` ON `dispositions` (`topic_id`);