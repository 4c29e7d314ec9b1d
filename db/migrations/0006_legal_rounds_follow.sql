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
ALTER TABLE `comments` ADD `notify_result` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `legal_reviews` ADD `round` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `legal_reviews` ADD `returned_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `legal_reviews` ADD `returned_at` integer;