DROP INDEX `comments_consultation_idx`;--> statement-breakpoint
CREATE INDEX `comments_consultation_idx` ON `comments` (`consultation_id`,`moderation_status`,`received_at`,`id`);