-- The accepted bid as a bare database transaction, for pgbench (bench/auction/run.sh): lock the
-- auction's row, insert the bid with the next sequence number one cent under the best price, move
-- the best price and the count. Client c always bids on auction c mod :auctions + 1, the shape of
-- the platform run (each bidder on its own auction). Run with -M prepared -D auctions=N on the
-- scratch tables run.sh creates (bench_auction, bench_bid).
\set aid :client_id % :auctions + 1
\set bidder :client_id + 1
BEGIN;
SELECT best_amount, bid_count FROM bench_auction WHERE id = :aid FOR UPDATE;
INSERT INTO bench_bid (auction_id, seq, bidder_id, amount, accepted_at)
    SELECT id, bid_count + 1, :bidder, best_amount - 0.01, now() FROM bench_auction WHERE id = :aid;
UPDATE bench_auction SET best_amount = best_amount - 0.01, bid_count = bid_count + 1,
    last_bid_at = now() WHERE id = :aid;
END;
