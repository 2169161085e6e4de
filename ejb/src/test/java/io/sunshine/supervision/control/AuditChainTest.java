package io.sunshine.supervision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.supervision.control.ChainVerifier.Break;
import io.sunshine.supervision.control.ChainVerifier.StoredRow;
import io.sunshine.supervision.control.ChainVerifier.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static AuditRecord rec(int i, String after) {
        return new AuditRecord(
                Instant.parse("2026-11-22T08:00:00.123456Z").plusSeconds(i),
                "user" + i,
                "SUPPLIER",
                "滨江信达电脑科技有限公司",
                "10.0.0." + i,
                "SIGN_IN",
                "User",
                "user" + i,
                null,
                after);
    }

    /** A chain of n rows, as the audit trail writes it. */
    private static List<StoredRow> chain(int n) {
        List<StoredRow> rows = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord r = rec(i, "channel=web");
            String h = AuditChain.hash(prev, i, r);
            rows.add(new StoredRow(i, r, prev, h));
            prev = h;
        }
        return rows;
    }

    private static Verdict verify(List<StoredRow> rows, long headLastSeq) {
        ChainVerifier v = new ChainVerifier();
        for (StoredRow r : rows) {
            if (!v.accept(r)) {
                break;
            }
        }
        return v.finish(headLastSeq);
    }

    @Test
    void eachHashCoversThePreviousHashAndTheRow() {
        AuditRecord r = rec(1, "x");
        String h = AuditChain.hash(AuditChain.GENESIS, 1, r);
        assertEquals(64, h.length());
        assertEquals(h, AuditChain.hash(AuditChain.GENESIS, 1, r));
        assertNotEquals(h, AuditChain.hash("1".repeat(64), 1, r));
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS, 2, r));
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS, 1, rec(1, "y")));
    }

    @Test
    void canonicalFormIsUnambiguous() {
        AuditRecord a =
                new AuditRecord(Instant.EPOCH, "ab", null, "c", null, "A", null, null, null, null);
        AuditRecord b =
                new AuditRecord(Instant.EPOCH, "a", null, "bc", null, "A", null, null, null, null);
        AuditRecord c =
                new AuditRecord(Instant.EPOCH, "ab", "", "c", null, "A", null, null, null, null);
        assertNotEquals(AuditChain.canonical(1, a), AuditChain.canonical(1, b));
        assertNotEquals(AuditChain.canonical(1, a), AuditChain.canonical(1, c));
    }

    @Test
    void timeIsCutToMillisecondsWhichBothDatabasesStoreExactly() {
        AuditRecord micro = rec(1, "x");
        AuditRecord milli =
                new AuditRecord(
                        AuditChain.normalise(micro.occurredAt()),
                        micro.actor(),
                        micro.actorRoles(),
                        micro.organisation(),
                        micro.clientAddress(),
                        micro.action(),
                        micro.objectType(),
                        micro.objectId(),
                        micro.before(),
                        micro.after());
        assertEquals(
                AuditChain.hash("0".repeat(64), 1, micro),
                AuditChain.hash("0".repeat(64), 1, milli));
    }

    @Test
    void anIntactChainVerifies() {
        Verdict v = verify(chain(50), 50);
        assertTrue(v.intact());
        assertEquals(50, v.rowsChecked());
        assertNull(v.firstBrokenSeq());
        assertTrue(verify(List.of(), 0).intact());
    }

    @Test
    void anAlteredRowIsNamed() {
        List<StoredRow> rows = chain(10);
        StoredRow seven = rows.get(6);
        rows.set(6, new StoredRow(7, rec(7, "channel=api"), seven.previousHash(), seven.hash()));
        Verdict v = verify(rows, 10);
        assertFalse(v.intact());
        assertEquals(7L, v.firstBrokenSeq());
        assertEquals(Break.ROW_ALTERED, v.reason());
    }

    @Test
    void anAlteredRowWithRecomputedHashBreaksTheNextLink() {
        List<StoredRow> rows = chain(10);
        StoredRow seven = rows.get(6);
        AuditRecord forged = rec(7, "channel=api");
        rows.set(
                6,
                new StoredRow(
                        7,
                        forged,
                        seven.previousHash(),
                        AuditChain.hash(seven.previousHash(), 7, forged)));
        Verdict v = verify(rows, 10);
        assertEquals(8L, v.firstBrokenSeq());
        assertEquals(Break.LINK_BROKEN, v.reason());
    }

    @Test
    void aRemovedRowIsNamed() {
        List<StoredRow> rows = chain(10);
        rows.remove(3);
        Verdict v = verify(rows, 10);
        assertEquals(4L, v.firstBrokenSeq());
        assertEquals(Break.ROW_MISSING, v.reason());
    }

    @Test
    void rowsCutFromTheEndAreNoticedThroughTheHead() {
        List<StoredRow> rows = chain(10);
        Verdict v = verify(rows.subList(0, 8), 10);
        assertEquals(9L, v.firstBrokenSeq());
        assertEquals(Break.TAIL_MISSING, v.reason());
    }
}
