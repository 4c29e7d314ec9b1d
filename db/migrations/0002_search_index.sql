-- Public full-text search (docs/decisions/0006-chinese-search.md). Kept out of db/schema.ts because
-- drizzle has no notion of virtual tables; app/models/search.server.ts is the only writer.
--
-- One row per searchable piece of a public consultation: its title, summary, basis (起草说明) and each
-- article of its latest draft. The trigram tokenizer indexes every three-character substring, so any
-- Chinese term of three or more characters is found without word segmentation; shorter terms are
-- matched by instr() over the same rows. rowid = consultation_id * 100000 + n, so that one
-- consultation's rows are a rowid range that can be replaced without scanning the table.
CREATE VIRTUAL TABLE search_index USING fts5(
  body,
  consultation_id UNINDEXED,
  field UNINDEXED,
  article_number UNINDEXED,
  label UNINDEXED,
  tokenize = 'trigram'
);
--> statement-breakpoint
-- Frequent terms of each public consultation's title and articles (jieba TF-IDF), offered as
-- suggested keywords under the search box and when a search finds nothing.
CREATE TABLE search_keywords (
  consultation_id integer NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  term text NOT NULL,
  weight real NOT NULL,
  PRIMARY KEY (consultation_id, term)
);
--> statement-breakpoint
CREATE INDEX search_keywords_term_idx ON search_keywords (term);
