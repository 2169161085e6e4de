package io.sunshine.budget.control;

import io.sunshine.budget.entity.EntryKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Re-derives a line's balances from its movements, to check that each entry's recorded balances are
 * what its predecessors and its own amount give.
 */
public final class Ledger {
    private Ledger() {}

    /** One recorded movement with the balances written beside it. */
    public record Movement(int entryNo, EntryKind kind, BigDecimal amount, Balance recordedAfter) {}

    /** The number of the first entry whose recorded balances disagree, if any. */
    public static Optional<Integer> firstInconsistency(List<Movement> movements) {
        Balance b = Balance.NONE;
        int expectedNo = 1;
        for (Movement m : movements) {
            if (m.entryNo() != expectedNo++) {
                return Optional.of(m.entryNo());
            }
            try {
                b = b.apply(m.kind(), m.amount(), "");
            } catch (RuntimeException e) {
                return Optional.of(m.entryNo());
            }
            if (!b.equals(m.recordedAfter())) {
                return Optional.of(m.entryNo());
            }
        }
        return Optional.empty();
    }
}
