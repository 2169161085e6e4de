-- PostgreSQL only: an auction's accepted bids and its bid log are never changed or removed, by the
-- application's role or its owner; only a superuser who disables triggers on purpose could alter a
-- row, and the log's hash chain (and the audit document printed at the close) shows it.
REVOKE UPDATE, DELETE, TRUNCATE ON auction_bid, auction_log FROM PUBLIC;

CREATE FUNCTION auction_record_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER auction_bid_no_update_or_delete
    BEFORE UPDATE OR DELETE ON auction_bid
    FOR EACH ROW EXECUTE FUNCTION auction_record_refuse_change();

CREATE TRIGGER auction_bid_no_truncate
    BEFORE TRUNCATE ON auction_bid
    FOR EACH STATEMENT EXECUTE FUNCTION auction_record_refuse_change();

CREATE TRIGGER auction_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON auction_log
    FOR EACH ROW EXECUTE FUNCTION auction_record_refuse_change();

CREATE TRIGGER auction_log_no_truncate
    BEFORE TRUNCATE ON auction_log
    FOR EACH STATEMENT EXECUTE FUNCTION auction_record_refuse_change();
