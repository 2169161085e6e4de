package io.sunshine.procurement.auction.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The auction's bid log, chained like the audit trail: each entry (every bid, accepted or refused,
 * with its time, alias, amount and outcome) carries the SHA-256 of the one before and its own, so
 * the log printed in the auction's audit document proves that no entry was altered, removed or
 * inserted.
 */
public final class BidChain {
    /** The hash the first entry links to. */
    public static final String GENESIS = "0".repeat(64);

    private BidChain() {}

    /**
     * One log entry.
     *
     * @param seq 1, 2, … in the order the server decided them
     * @param at the server instant, ISO-8601
     * @param alias the bidder's alias
     * @param amount the amount as given (refused ones too)
     * @param outcome ACCEPTED or the refusal code
     */
    public record Entry(long seq, String at, String alias, String amount, String outcome) {
        public Entry {
            Objects.requireNonNull(at);
            Objects.requireNonNull(alias);
            Objects.requireNonNull(amount);
            Objects.requireNonNull(outcome);
        }

        String canonical() {
            return seq + "|" + at + "|" + alias + "|" + amount + "|" + outcome;
        }
    }

    /** The hash of an entry linked to the previous hash. */
    public static String hash(String previous, Entry e) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(previous.getBytes(StandardCharsets.US_ASCII));
            d.update((byte) '\n');
            d.update(e.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Verifies a log against its stored hashes.
     *
     * @return the sequence number of the first entry that does not match, or 0 when all do
     */
    public static long firstBroken(List<Entry> entries, List<String> hashes) {
        if (entries.size() != hashes.size()) {
            return Math.min(entries.size(), hashes.size()) + 1L;
        }
        String previous = GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.seq() != i + 1 || !hash(previous, e).equals(hashes.get(i))) {
                return i + 1L;
            }
            previous = hashes.get(i);
        }
        return 0;
    }
}
