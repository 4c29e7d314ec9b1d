CREATE TABLE `rejected_article_links` (
	`comment_id` integer NOT NULL,
	`article_identity_id` integer NOT NULL,
	`user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`comment_id`, `article_identity_id`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_identity_id`) REFERENCES `article_identities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `comment_articles` ADD `confidence` real;--> statement-breakpoint
ALTER TABLE `topics` ADD `theme_key` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `theme_label` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `summary` text;