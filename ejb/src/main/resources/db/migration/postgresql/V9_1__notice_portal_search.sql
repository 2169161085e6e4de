-- PostgreSQL only: full-text search over the notice's search terms (Chinese as overlapping character
-- pairs, other words lower-cased: see SearchTerms). The 'simple' configuration keeps every term as
-- it is. The vector is stored, so a phrase match (电脑 → '电脑'; 办公桌 → '办公' <-> '公桌') rechecks
-- the stored positions instead of parsing 60,000 characters again for every candidate row.
-- A generated column is computed on INSERT; the table stays append-only (V8_1 refuses UPDATE).
ALTER TABLE notice ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED;

CREATE INDEX notice_search ON notice USING GIN (search_vector);

-- the category filter is a code prefix (A0201 → A0201%): LIKE can use a B-tree index only with
-- the pattern operator class when the database's collation is not C
DROP INDEX notice_catalogue_code;
CREATE INDEX notice_catalogue_code ON notice_catalogue (catalogue_code varchar_pattern_ops, notice_id);

-- The planner picks, per query, between walking the newest-first index and filtering (right for a
-- common word: the first page is a few hundred rows down) and collecting the word's rows from the
-- GIN index and sorting them (right for a rare word). It can only tell the two apart if the
-- statistics of the vector know rare terms: the default keeps ~1,000 most common terms, which
-- makes a term found in 0.1 % of notices look twenty times as common (measured: 436 ms instead of
-- 3 ms at a million notices, bench/notice-portal.sh). Ten times the default keeps ~10,000.
ALTER TABLE notice ALTER COLUMN search_vector SET STATISTICS 1000;
