-- Stage 3: an auction's result, written once when it closes: AWARDED (the winner, the winning amount
-- and the saving against the ceiling) or FAILED (too few qualified bidders: the lot goes back to the
-- agency). The state moves OPEN → AWARDED | FAILED exactly once, under the row's lock, whichever
-- server instance's closer gets there first.
ALTER TABLE auction ADD COLUMN state VARCHAR(10) DEFAULT 'OPEN' NOT NULL;
ALTER TABLE auction ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE auction ADD COLUMN winner_id BIGINT REFERENCES organisation (id);
ALTER TABLE auction ADD COLUMN winning_amount NUMERIC(18,2);
ALTER TABLE auction ADD COLUMN saving NUMERIC(18,2);
ALTER TABLE auction ADD COLUMN qualified_count INTEGER;
ALTER TABLE auction ADD CONSTRAINT auction_state_known CHECK (state IN ('OPEN', 'AWARDED', 'FAILED'));
CREATE INDEX auction_due ON auction (state, closes_at);
