-- Fewer index entries per recorded result: see db/vendor/h2/V5 for why each index went and what reads instead.
ALTER TABLE query_results DROP CONSTRAINT query_results_pkey;
DROP INDEX query_results_type;
