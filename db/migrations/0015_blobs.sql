CREATE TABLE `blobs` (
	`area` text NOT NULL,
	`key` text NOT NULL,
	`body` blob NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`area`, `key`)
);
