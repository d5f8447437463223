-- Fewer index entries per recorded result (each costs a B-tree insert, an undo-log entry and a commit step on the
-- writer, on the same cores as the searches; docs/bench-history.md). Same change as db/vendor/postgresql/V5, which
-- names the primary key differently.
-- The primary key (query_id, provider, result_rank) served only reads of one query's results; those now read
-- query_results_ts with the query's own ts_ms and query_id. Rows stay unique: a query's results are written in the
-- transaction that inserts its queries row, whose primary key refuses a second copy.
ALTER TABLE query_results DROP PRIMARY KEY;
-- The provider-type index served only the seed GET /results (arXiv results, oldest first), which now reads
-- query_results_ts backwards: a page costs OFFSET / (share of arXiv rows) index entries instead of OFFSET.
DROP INDEX query_results_type;
