-- The public notice portal (公告门户) reads notices newest first, one page at a time, by keyset: the
-- next page is "older than (published_at, id) of the last row", so no page ever skips rows with
-- OFFSET. Each filter has an index that starts with its column and then runs in that order, so the
-- first page of any filter reads only the rows it shows. The unfiltered list uses notice_published
-- (V8), read backwards.
CREATE INDEX notice_type_published ON notice (notice_type, published_at, id);
CREATE INDEX notice_method_published ON notice (method, published_at, id);
CREATE INDEX notice_buyer_published ON notice (buyer_id, published_at, id);
CREATE INDEX notice_catalogue_code ON notice_catalogue (catalogue_code, notice_id);
