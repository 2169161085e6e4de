-- PostgreSQL only: the budget ledger is append-only, as the audit trail is. A movement is
-- corrected by a new movement (a release, an adjustment), never by changing an old one.
REVOKE UPDATE, DELETE, TRUNCATE ON budget_entry FROM PUBLIC;

CREATE FUNCTION budget_entry_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'budget_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER budget_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON budget_entry
    FOR EACH ROW EXECUTE FUNCTION budget_entry_refuse_change();

CREATE TRIGGER budget_entry_no_truncate
    BEFORE TRUNCATE ON budget_entry
    FOR EACH STATEMENT EXECUTE FUNCTION budget_entry_refuse_change();
