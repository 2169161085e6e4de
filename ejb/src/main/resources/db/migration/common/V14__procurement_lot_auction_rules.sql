-- Stage 3: a reverse auction's rules as the agency sets them for each lot before publication
-- (JSON of io.sunshine.procurement.auction.control.AuctionSettings; NULL: the defaults).
ALTER TABLE project_lot ADD COLUMN auction_rules VARCHAR(1000);
