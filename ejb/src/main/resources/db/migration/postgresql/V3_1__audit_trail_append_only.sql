-- PostgreSQL only: the audit trail cannot be changed or shortened by the application's role.
-- A trigger refuses UPDATE, DELETE and TRUNCATE whoever asks (the owner included); only a
-- superuser who disables triggers on purpose could alter a row, and the hash chain shows it.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
