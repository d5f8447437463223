-- Each caller reads only their own history (GET /api/v1/queries, /export, /results): pages and exports of one
-- principal's queries read this index in key order instead of every query of the range. One more index entry per
-- query (not per result) on the writer.
CREATE INDEX queries_principal_ts ON queries (principal, ts_ms, query_id);
