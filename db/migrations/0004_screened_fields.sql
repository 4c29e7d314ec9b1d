ALTER TABLE `comments` ADD `published_name` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `published_organisation` text;--> statement-breakpoint
ALTER TABLE `redactions` ADD `field` text DEFAULT 'body' NOT NULL;