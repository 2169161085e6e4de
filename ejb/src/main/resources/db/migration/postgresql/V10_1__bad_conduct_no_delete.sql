-- PostgreSQL only: the bad-conduct list keeps its history. An entry is lifted (UPDATE of the lift
-- columns), never removed.
REVOKE DELETE, TRUNCATE ON bad_conduct FROM PUBLIC;

CREATE FUNCTION bad_conduct_refuse_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'bad_conduct keeps its history: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER bad_conduct_no_delete
    BEFORE DELETE ON bad_conduct
    FOR EACH ROW EXECUTE FUNCTION bad_conduct_refuse_delete();

CREATE TRIGGER bad_conduct_no_truncate
    BEFORE TRUNCATE ON bad_conduct
    FOR EACH STATEMENT EXECUTE FUNCTION bad_conduct_refuse_delete();

-- Only the lift may change an entry: the supplier, decision, reason and period stay as listed.
CREATE FUNCTION bad_conduct_refuse_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organisation_id <> OLD.organisation_id OR NEW.decision_ref <> OLD.decision_ref
        OR NEW.reason <> OLD.reason OR NEW.starts_on <> OLD.starts_on OR NEW.ends_on <> OLD.ends_on
        OR NEW.listed_at <> OLD.listed_at OR NEW.listed_by <> OLD.listed_by
        OR OLD.lifted_at IS NOT NULL THEN
        RAISE EXCEPTION 'bad_conduct entry % may only be lifted, once', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER bad_conduct_only_lift
    BEFORE UPDATE ON bad_conduct
    FOR EACH ROW EXECUTE FUNCTION bad_conduct_refuse_rewrite();
