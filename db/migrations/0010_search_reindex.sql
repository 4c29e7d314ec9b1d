-- Custom SQL (0010): the search index now holds each article's text once (it held the article's
-- text and then its paragraphs again, so snippets repeated themselves) and more keywords per
-- consultation (search suggestions). Emptying the derived tables makes ensureSearchIndex() rebuild
-- them at the next start (app/utils/boot.server.ts); nothing else is lost.
DELETE FROM search_index;
--> statement-breakpoint
DELETE FROM search_keywords;
