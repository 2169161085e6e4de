-- Stage 3: a bid reads only the bids that decide it — the auction's best (lowest amount, earliest)
-- and the bidder's own last — so its work does not grow with the auction.
CREATE INDEX auction_bid_best ON auction_bid (auction_id, amount, seq);
CREATE INDEX auction_bid_bidder_last ON auction_bid (auction_id, bidder_id, seq);
