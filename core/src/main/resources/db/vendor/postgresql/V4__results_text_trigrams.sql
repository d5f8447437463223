-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}): trigram indexes behind the case-insensitive
-- substring filters of /api/v1/results (author, title, journal; queried as lower(col) LIKE '%x%'), so a rare
-- substring over months of history is an index lookup instead of a scan of every row in the time range.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the database owner may
-- create it. H2 has no such index; there the filters scan the rows of the time range (docs/history.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX query_results_authors_trgm ON query_results USING gin (lower(authors) gin_trgm_ops);
CREATE INDEX query_results_title_trgm ON query_results USING gin (lower(title) gin_trgm_ops);
CREATE INDEX query_results_journal_trgm ON query_results USING gin (lower(journal) gin_trgm_ops);
