-- PostgreSQL only: a published notice is never changed or withdrawn; a correction or a termination
-- is a new notice that refers to it.
REVOKE UPDATE, DELETE, TRUNCATE ON notice FROM PUBLIC;

CREATE FUNCTION notice_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'notice is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER notice_no_update_or_delete
    BEFORE UPDATE OR DELETE ON notice
    FOR EACH ROW EXECUTE FUNCTION notice_refuse_change();

CREATE TRIGGER notice_no_truncate
    BEFORE TRUNCATE ON notice
    FOR EACH STATEMENT EXECUTE FUNCTION notice_refuse_change();
