-- Open data (issue 4, part "ocds"): the record of a contracting process that began with a
-- procurement intention reads the intention notices of its requirement
-- (GET /api/ocds/records/{ocid}); without this index that is a scan of every notice.
CREATE INDEX notice_requirement ON notice (requirement_id);
