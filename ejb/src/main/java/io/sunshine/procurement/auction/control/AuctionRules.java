package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The rules of one lot's auction, fixed at publication and shown to bidders before the start.
 *
 * @param ceiling the ceiling price (最高限价), at most the lot's budget
 * @param decrement the minimum decrement
 * @param basis what a new bid must undercut: the current best price, or (where ranks may tie and
 *     are broken by time) the bidder's own last bid
 * @param window a bid accepted this close to the close extends it (anti-sniping); zero for none
 * @param extension by how much the close moves
 * @param maxExtensions how many times at most
 * @param visibility what a bidder sees of the others
 * @param minBidders fewer qualified bidders than this and the auction fails (default 3)
 */
public record AuctionRules(
        Money ceiling,
        Decrement decrement,
        Basis basis,
        Duration window,
        Duration extension,
        int maxExtensions,
        Visibility visibility,
        int minBidders) {

    public enum Basis {
        BEST,
        OWN_LAST
    }

    public enum Visibility {
        /** Each bidder sees its own rank and the best price. */
        RANK_AND_BEST,
        /** Each bidder sees its own rank only. */
        RANK_ONLY
    }

    public static final int DEFAULT_MIN_BIDDERS = 3;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Duration MAX_WINDOW = Duration.ofHours(1);

    public AuctionRules {
        Objects.requireNonNull(ceiling, "The ceiling is required.");
        Objects.requireNonNull(decrement, "The decrement is required.");
        Objects.requireNonNull(basis, "The basis is required.");
        Objects.requireNonNull(window, "The window is required.");
        Objects.requireNonNull(extension, "The extension is required.");
        Objects.requireNonNull(visibility, "The visibility is required.");
    }

    /** The step in yuan each bid must undercut by. */
    public Money step() {
        return decrement.step(ceiling);
    }

    /**
     * Checks the rules against the lot's budget before they are published.
     *
     * @throws Refusal AUCTION_RULES_INVALID naming the field and the bound it breaks
     */
    public AuctionRules check(Money budget) {
        if (ceiling.isZero() || ceiling.isNegative() || ceiling.isGreaterThan(budget)) {
            throw invalid(
                    "ceiling", ceiling.amount().toPlainString(), budget.amount().toPlainString());
        }
        BigDecimal v = decrement.value();
        boolean badValue =
                v.signum() <= 0
                        || v.stripTrailingZeros().scale() > 2
                        || (decrement.kind() == Decrement.Kind.PERCENT
                                && v.compareTo(HUNDRED) >= 0);
        if (badValue || !ceiling.isGreaterThan(step())) {
            throw invalid("decrement", v.toPlainString(), ceiling.amount().toPlainString());
        }
        if (window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
            throw invalid("window", window.toMinutes(), MAX_WINDOW.toMinutes());
        }
        boolean antiSniping = !window.isZero();
        if (antiSniping
                && (extension.isNegative()
                        || extension.isZero()
                        || extension.compareTo(MAX_WINDOW) > 0
                        || maxExtensions < 1
                        || maxExtensions > 100)) {
            throw invalid("extension", extension.toMinutes(), maxExtensions);
        }
        if (minBidders < 1 || minBidders > 100) {
            throw invalid("minBidders", minBidders, DEFAULT_MIN_BIDDERS);
        }
        return this;
    }

    private static Refusal invalid(String field, Object value, Object bound) {
        return new Refusal(ProblemCode.AUCTION_RULES_INVALID, field, field, value, bound);
    }
}
