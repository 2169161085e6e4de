/**
 * The rules of an online reverse auction (网上竞价), as pure functions over the auction's state: the
 * amount a supplier types, the configured rules (ceiling, decrement, anti-sniping, visibility,
 * minimum bidders), whether a bid is accepted and what it does to the close, the ranking with ties
 * broken by earlier acceptance, the aliases bidders see, the result at the close, and the hash
 * chain of the auction's bid log. The EJB engine (boundary) applies them under a lock and persists
 * what they decide; nothing here reads a clock or a database.
 */
package io.sunshine.procurement.auction.control;
