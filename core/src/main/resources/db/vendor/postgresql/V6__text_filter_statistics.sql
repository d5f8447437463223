-- Lets the planner tell a common substring from a rare one in /api/v1/results text filters.
-- PostgreSQL estimates lower(col) LIKE '%x%' from the expression's histogram (100 values by default), floored at
-- 0.01 % of rows. At 10M results a surname in 1.8 % of them appeared in none of the 100, so the planner expected
-- 1,000 matches, read all 176,000 through the trigram index and sorted them for a page of 10: 2.2 s. With 1,000
-- values it estimates 181,000 and walks the time index instead, stopping at the page: 1.3 ms (EXPLAIN ANALYZE,
-- docs/bench-history.md). A rare substring still gets the trigram index. The cost is a larger sample when the table
-- is analysed (7.5 s at 10M rows, by autovacuum's analyze, off the request path).
ALTER INDEX query_results_authors_trgm ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX query_results_title_trgm ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX query_results_journal_trgm ALTER COLUMN 1 SET STATISTICS 1000;
-- Statistics now rather than at autovacuum's next visit (instant on a new database).
ANALYZE query_results;
