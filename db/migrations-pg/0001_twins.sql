-- PostgreSQL's twins of what the SQLite migrations build by hand (docs/decisions/0039-postgresql.md).

-- The audit log is append-only: the database itself refuses to change or remove a row (SQLite: 0001).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint

-- Public search (SQLite: 0002, an FTS5 trigram table). Here a plain table whose body has a pg_trgm GIN
-- index: ILIKE '%term%' finds any term of three characters or more through it, as FTS5's trigram
-- tokenizer does; shorter terms are found by instr() over the same rows on both.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE search_index (
  rowid bigint PRIMARY KEY,
  body text NOT NULL,
  consultation_id integer NOT NULL,
  field text NOT NULL,
  article_number integer,
  label text
);
--> statement-breakpoint
CREATE INDEX search_index_body_trgm ON search_index USING gin (body gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE search_keywords (
  consultation_id integer NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  term text NOT NULL,
  weight double precision NOT NULL,
  PRIMARY KEY (consultation_id, term)
);
--> statement-breakpoint
CREATE INDEX search_keywords_term_idx ON search_keywords (term);
--> statement-breakpoint

-- SQLite's instr(haystack, needle), which plain-SQL statements shared by both dialects use.
CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT strpos($1, $2)';
