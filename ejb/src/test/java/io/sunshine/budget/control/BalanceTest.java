package io.sunshine.budget.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.budget.entity.EntryKind;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BalanceTest {
    private static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    private static Balance appropriated(String amount) {
        return Balance.NONE.apply(EntryKind.APPROPRIATION, yuan(amount), "L1");
    }

    @Test
    void freeIsApprovedLessFrozenLessSpent() {
        Balance b =
                appropriated("1000000.00")
                        .apply(EntryKind.FREEZE, yuan("300000.50"), "L1")
                        .apply(EntryKind.SPEND, yuan("100000.25"), "L1");
        assertEquals(yuan("1000000.00"), b.approved());
        assertEquals(yuan("200000.25"), b.frozen());
        assertEquals(yuan("100000.25"), b.spent());
        assertEquals(yuan("699999.50"), b.free());
    }

    @Test
    void aFreezeOfExactlyTheFreeBalanceIsAllowedOneFenMoreIsNot() {
        Balance b = appropriated("500.00").apply(EntryKind.FREEZE, yuan("200.00"), "L1");
        assertEquals(yuan("0.00"), b.apply(EntryKind.FREEZE, yuan("300.00"), "L1").free());
        Refusal r =
                assertThrows(Refusal.class, () -> b.apply(EntryKind.FREEZE, yuan("300.01"), "L1"));
        assertEquals(ProblemCode.BUDGET_INSUFFICIENT, r.code());
        assertEquals("budgetLineId", r.field());
        assertEquals("L1", r.args()[0]);
        assertEquals("300.00", r.args()[1]);
        assertEquals("300.01", r.args()[2]);
    }

    @Test
    void aReleaseGivesTheFreezeBack() {
        Balance b =
                appropriated("800.00")
                        .apply(EntryKind.FREEZE, yuan("800.00"), "L1")
                        .apply(EntryKind.RELEASE, yuan("300.00"), "L1");
        assertEquals(yuan("500.00"), b.frozen());
        assertEquals(yuan("300.00"), b.free());
    }

    @Test
    void releaseOrSpendBeyondTheFrozenAmountIsRefused() {
        Balance b = appropriated("800.00").apply(EntryKind.FREEZE, yuan("100.00"), "L1");
        assertEquals(
                ProblemCode.BUDGET_EXCEEDS_FROZEN,
                assertThrows(Refusal.class, () -> b.apply(EntryKind.RELEASE, yuan("100.01"), "L1"))
                        .code());
        assertEquals(
                ProblemCode.BUDGET_EXCEEDS_FROZEN,
                assertThrows(Refusal.class, () -> b.apply(EntryKind.SPEND, yuan("200"), "L1"))
                        .code());
    }

    @Test
    void anIncreaseRaisesTheFreeBalanceADecreaseMayNotGoBelowWhatIsCommitted() {
        Balance b =
                appropriated("1000.00")
                        .apply(EntryKind.FREEZE, yuan("600.00"), "L1")
                        .apply(EntryKind.SPEND, yuan("100.00"), "L1");
        assertEquals(yuan("1400.00"), b.apply(EntryKind.ADJUSTMENT, yuan("1000"), "L1").free());
        assertEquals(yuan("0.00"), b.apply(EntryKind.ADJUSTMENT, yuan("-400.00"), "L1").free());
        Refusal r =
                assertThrows(
                        Refusal.class, () -> b.apply(EntryKind.ADJUSTMENT, yuan("-400.01"), "L1"));
        assertEquals(ProblemCode.BUDGET_ADJUSTMENT_TOO_LOW, r.code());
        assertEquals("599.99", r.args()[1]);
        assertEquals("600.00", r.args()[2]);
    }

    @Test
    void zeroAndNegativeMovementsAreRefused() {
        Balance b = appropriated("10.00");
        for (EntryKind k : List.of(EntryKind.FREEZE, EntryKind.RELEASE, EntryKind.SPEND)) {
            assertEquals(
                    ProblemCode.AMOUNT_INVALID,
                    assertThrows(Refusal.class, () -> b.apply(k, yuan("-1.00"), "L1")).code());
        }
        assertEquals(
                ProblemCode.AMOUNT_INVALID,
                assertThrows(Refusal.class, () -> b.apply(EntryKind.ADJUSTMENT, yuan("0"), "L1"))
                        .code());
    }

    @Test
    void amountsFinerThanTheFenAreNotRoundedAway() {
        assertThrows(
                ArithmeticException.class,
                () -> appropriated("10.00").apply(EntryKind.FREEZE, yuan("1.005"), "L1"));
    }

    @Test
    void aLineIsAppropriatedOnce() {
        assertThrows(
                IllegalStateException.class,
                () -> appropriated("10.00").apply(EntryKind.APPROPRIATION, yuan("1"), "L1"));
    }

    @Test
    void theLedgerReplaysToTheRecordedBalancesAndNamesTheFirstEntryThatDoesNot() {
        List<Ledger.Movement> ok = new ArrayList<>();
        Balance b = Balance.NONE;
        Object[][] moves = {
            {EntryKind.APPROPRIATION, "1000.00"},
            {EntryKind.FREEZE, "400.00"},
            {EntryKind.ADJUSTMENT, "-100.00"},
            {EntryKind.RELEASE, "150.00"},
            {EntryKind.SPEND, "250.00"},
        };
        int n = 1;
        for (Object[] m : moves) {
            b = b.apply((EntryKind) m[0], yuan((String) m[1]), "L1");
            ok.add(new Ledger.Movement(n++, (EntryKind) m[0], yuan((String) m[1]), b));
        }
        assertEquals(Optional.empty(), Ledger.firstInconsistency(ok));
        assertEquals(new Balance(yuan("900"), yuan("0"), yuan("250")), b);

        List<Ledger.Movement> tampered = new ArrayList<>(ok);
        Ledger.Movement third = tampered.get(2);
        tampered.set(
                2,
                new Ledger.Movement(
                        3,
                        third.kind(),
                        yuan("-50.00"),
                        third.recordedAfter())); // amount changed, balances not
        assertEquals(Optional.of(3), Ledger.firstInconsistency(tampered));

        List<Ledger.Movement> gap = new ArrayList<>(ok);
        gap.remove(1);
        assertEquals(Optional.of(3), Ledger.firstInconsistency(gap));
    }

    @Test
    void classificationCodes() {
        assertEquals("2050201", Classification.functional(" 2050201 "));
        assertEquals("205", Classification.functional("205"));
        assertEquals("31002", Classification.economic("31002"));
        for (String bad : new String[] {"", "1050201", "20502011", "2050", "2O5"}) {
            assertEquals(
                    ProblemCode.BUDGET_CLASSIFICATION_INVALID,
                    assertThrows(Refusal.class, () -> Classification.functional(bad)).code());
        }
        for (String bad : new String[] {"21002", "3100", "310021", null}) {
            assertEquals(
                    ProblemCode.BUDGET_CLASSIFICATION_INVALID,
                    assertThrows(Refusal.class, () -> Classification.economic(bad)).code());
        }
    }
}
