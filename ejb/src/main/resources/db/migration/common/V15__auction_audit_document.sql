-- Stage 3: the auction's audit document (竞价过程记录), a PDF made once at the close (awarded or
-- failed alike) and kept in the platform's document store under a random name; its SHA-256 is
-- recorded beside it so that the stored file can be checked against it at any time.
ALTER TABLE auction ADD COLUMN audit_storage_name VARCHAR(43);
ALTER TABLE auction ADD COLUMN audit_sha256 VARCHAR(64);
ALTER TABLE auction ADD COLUMN audit_size BIGINT;
ALTER TABLE auction ADD CONSTRAINT auction_audit_document_whole CHECK (
    (audit_storage_name IS NULL AND audit_sha256 IS NULL AND audit_size IS NULL)
    OR (audit_storage_name IS NOT NULL AND audit_sha256 IS NOT NULL AND audit_size > 0
        AND state <> 'OPEN'));
