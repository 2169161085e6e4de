package io.sunshine.supervision.control;

/**
 * Walks the audit trail in sequence order and names the first row that does not fit the chain. Feed
 * it every stored row with {@link #accept}; then {@link #finish} with the sequence number the chain
 * head says was written last, which catches rows cut off the end.
 *
 * <pre>{@code
 * ChainVerifier v = new ChainVerifier();
 * for (StoredRow row : rowsInSeqOrder) if (!v.accept(row)) break;
 * Verdict verdict = v.finish(head.lastSeq());
 * }</pre>
 */
public final class ChainVerifier {

    /** One row as stored: its sequence number, content, and the hashes written with it. */
    public record StoredRow(long seq, AuditRecord record, String previousHash, String hash) {}

    /** Why a row breaks the chain. */
    public enum Break {
        /** The row's content no longer gives its stored hash: it was altered. */
        ROW_ALTERED,
        /** A sequence number is missing: a row was removed. */
        ROW_MISSING,
        /** The row does not point at the hash of the row before it. */
        LINK_BROKEN,
        /** The chain head records more rows than are stored: rows were removed from the end. */
        TAIL_MISSING
    }

    /** The outcome: intact, or the first broken sequence number and why. */
    public record Verdict(boolean intact, long rowsChecked, Long firstBrokenSeq, Break reason) {}

    private long expectedSeq = 1;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private Verdict broken;

    /**
     * @return false once the chain is broken (the rest need not be read)
     */
    public boolean accept(StoredRow row) {
        if (broken != null) {
            return false;
        }
        checked++;
        if (row.seq() != expectedSeq) {
            broken = new Verdict(false, checked, expectedSeq, Break.ROW_MISSING);
            return false;
        }
        if (!previousHash.equals(row.previousHash())) {
            broken = new Verdict(false, checked, row.seq(), Break.LINK_BROKEN);
            return false;
        }
        String recomputed = AuditChain.hash(previousHash, row.seq(), row.record());
        if (!recomputed.equals(row.hash())) {
            broken = new Verdict(false, checked, row.seq(), Break.ROW_ALTERED);
            return false;
        }
        previousHash = row.hash();
        expectedSeq++;
        return true;
    }

    public Verdict finish(long headLastSeq) {
        if (broken != null) {
            return broken;
        }
        if (headLastSeq >= expectedSeq) {
            return new Verdict(false, checked, expectedSeq, Break.TAIL_MISSING);
        }
        return new Verdict(true, checked, null, null);
    }
}
