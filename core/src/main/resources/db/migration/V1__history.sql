-- Query history (module io.fedsearch.history). One portable script for H2 2.x (regular mode) and PostgreSQL 12+.
-- Times are epoch milliseconds, UTC (BIGINT): identical on both databases and cheap to index and compare.
-- Free text columns are VARCHAR without a length (H2: up to 1,000,000 characters; PostgreSQL: unlimited).

-- Query ids: each nextval reserves a block of 50 ids for one node (hi/lo), so replicas sharing the
-- database never collide and a node asks the database once per 50 queries.
CREATE SEQUENCE query_ids START WITH 1 INCREMENT BY 50;

CREATE TABLE queries (
    query_id  BIGINT  NOT NULL PRIMARY KEY,
    ts_ms     BIGINT  NOT NULL,
    principal VARCHAR NOT NULL,
    origin    VARCHAR NOT NULL,
    q         VARCHAR,
    author    VARCHAR,
    title     VARCHAR,
    journal   VARCHAR,
    took_ms   BIGINT  NOT NULL
);
-- Range reads, keyset paging (ts_ms, query_id), export and retention.
CREATE INDEX queries_ts ON queries (ts_ms, query_id);

-- How each provider answered one query, in the order of the answer (seq_no).
CREATE TABLE query_providers (
    query_id      BIGINT  NOT NULL,
    seq_no        INT     NOT NULL,
    provider      VARCHAR NOT NULL,
    provider_type VARCHAR,
    status        VARCHAR NOT NULL,
    took_ms       BIGINT  NOT NULL,
    total         BIGINT,
    returned      INT     NOT NULL,
    error         VARCHAR,
    upstream_uri  VARCHAR,
    http_status   INT,
    PRIMARY KEY (query_id, seq_no)
);

-- Every returned result. ts_ms and provider_type are copied from the query so result reads filter and
-- order without a join.
CREATE TABLE query_results (
    query_id      BIGINT  NOT NULL,
    provider      VARCHAR NOT NULL,
    result_rank   INT     NOT NULL,
    ts_ms         BIGINT  NOT NULL,
    provider_type VARCHAR,
    result_id     VARCHAR,
    title         VARCHAR,
    url           VARCHAR,
    authors       VARCHAR,
    journal       VARCHAR,
    published     VARCHAR,
    doi           VARCHAR,
    PRIMARY KEY (query_id, provider, result_rank)
);
-- /api/v1/results by time range (the default 24 h window): the index order is the answer's order
-- (newest query first, then provider and rank), so a page is read without sorting the whole range.
CREATE INDEX query_results_ts ON query_results (ts_ms DESC, query_id DESC, provider, result_rank);
-- /api/v1/results?provider=... within a time range, in the same order.
CREATE INDEX query_results_provider ON query_results (provider, ts_ms DESC, query_id DESC, result_rank);
-- Seed-compatible GET /results: arXiv results, oldest first, in index order.
CREATE INDEX query_results_type ON query_results (provider_type, ts_ms, query_id, provider, result_rank);
