package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The statutory period rule table: per procurement method the minimum period from the notice to its
 * deadline, how long before that deadline a correction must appear, and the highest bid security.
 * Read from {@code config/rules/notice-periods.properties}, which cites the source of each figure.
 *
 * <pre>{@code
 * NoticePeriods table = NoticePeriods.parse(Map.of(
 *         "notice.OPEN_TENDER", "20 days", "notice.OPEN_TENDER.source", "LAW_35", ...));
 * table.notice(ProcurementMethod.OPEN_TENDER); // 20 days, LAW_35
 * }</pre>
 *
 * @param notice a minimum period for every method
 * @param correction a correction period for every method whose {@link PeriodKind} is correctable,
 *     and for no other
 * @param bidSecurityMaxPercent the highest bid security in per cent of the budget, above 0, at most
 *     100, at most two decimals
 * @param bidSecuritySource the citation key of that figure
 */
public record NoticePeriods(
        Map<ProcurementMethod, StatutoryPeriod> notice,
        Map<ProcurementMethod, StatutoryPeriod> correction,
        BigDecimal bidSecurityMaxPercent,
        String bidSecuritySource) {

    public static final String NOTICE = "notice.";
    public static final String CORRECTION = "correction.";
    public static final String SOURCE = ".source";
    public static final String BID_SECURITY = "bid-security.max-percent";
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern PERCENT = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,2})?");
    private static final Pattern SOURCE_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public NoticePeriods {
        notice = Map.copyOf(notice);
        correction = Map.copyOf(correction);
        bidSecurityMaxPercent = normalised(bidSecurityMaxPercent);
        for (ProcurementMethod m : ProcurementMethod.values()) {
            if (!notice.containsKey(m)) {
                throw new IllegalArgumentException("A notice period for " + m + " is required.");
            }
            if (PeriodKind.of(m).correctable() != correction.containsKey(m)) {
                throw new IllegalArgumentException(
                        "A correction period is required exactly for correctable methods: " + m);
            }
        }
        if (bidSecurityMaxPercent.signum() <= 0
                || bidSecurityMaxPercent.compareTo(HUNDRED) > 0
                || bidSecurityMaxPercent.scale() > 2) {
            throw new IllegalArgumentException("Bid security limit out of range.");
        }
        if (bidSecuritySource == null || !SOURCE_KEY.matcher(bidSecuritySource).matches()) {
            throw new IllegalArgumentException("A source is a key like REG_33.");
        }
    }

    /** The minimum period from a method's notice to its deadline. */
    public StatutoryPeriod notice(ProcurementMethod method) {
        return notice.get(method);
    }

    /**
     * How long before its deadline a correction of this method's documents must appear; empty for a
     * single-source public notice, which has no deadline to move.
     */
    public Optional<StatutoryPeriod> correction(ProcurementMethod method) {
        return Optional.ofNullable(correction.get(method));
    }

    /** Every rule key, in the order the table and pages show them. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (ProcurementMethod m : ProcurementMethod.values()) {
            keys.add(NOTICE + m);
            keys.add(NOTICE + m + SOURCE);
        }
        for (ProcurementMethod m : ProcurementMethod.values()) {
            if (PeriodKind.of(m).correctable()) {
                keys.add(CORRECTION + m);
                keys.add(CORRECTION + m + SOURCE);
            }
        }
        keys.add(BID_SECURITY);
        keys.add(BID_SECURITY + SOURCE);
        return keys;
    }

    /**
     * Reads the table from key/value text. Every key of {@link #keys()} must be present and valid;
     * a key under {@code notice.}, {@code correction.} or {@code bid-security.} that is not one of
     * them (a misspelt method, a correction for single source) is refused too, so that a typo
     * cannot silently leave the default in force. Other keys are not this table's and are ignored.
     *
     * @throws Refusal RULE_VALUE_INVALID naming the first bad key
     */
    public static NoticePeriods parse(Map<String, String> values) {
        List<String> known = keys();
        for (String key : values.keySet()) {
            boolean ours =
                    key.startsWith(NOTICE)
                            || key.startsWith(CORRECTION)
                            || key.startsWith("bid-security.");
            if (ours && !known.contains(key)) {
                throw invalid(key);
            }
        }
        Map<ProcurementMethod, StatutoryPeriod> notice = new EnumMap<>(ProcurementMethod.class);
        Map<ProcurementMethod, StatutoryPeriod> correction = new EnumMap<>(ProcurementMethod.class);
        for (ProcurementMethod m : ProcurementMethod.values()) {
            notice.put(m, period(values, NOTICE + m));
            if (PeriodKind.of(m).correctable()) {
                correction.put(m, period(values, CORRECTION + m));
            }
        }
        return new NoticePeriods(
                notice, correction, percent(values), source(values, BID_SECURITY + SOURCE));
    }

    private static StatutoryPeriod period(Map<String, String> values, String key) {
        String source = source(values, key + SOURCE);
        StatutoryPeriod p = StatutoryPeriod.parse(values.get(key), source);
        if (p == null) {
            throw invalid(key);
        }
        return p;
    }

    private static String source(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null || !SOURCE_KEY.matcher(v.strip()).matches()) {
            throw invalid(key);
        }
        return v.strip();
    }

    private static BigDecimal percent(Map<String, String> values) {
        String v = values.get(BID_SECURITY);
        if (v == null || !PERCENT.matcher(v.strip()).matches()) {
            throw invalid(BID_SECURITY);
        }
        BigDecimal p = normalised(new BigDecimal(v.strip()));
        if (p.signum() <= 0 || p.compareTo(HUNDRED) > 0) {
            throw invalid(BID_SECURITY);
        }
        return p;
    }

    /** 2, 2.0 and 2.00 are one figure: the record compares equal and writes "2". */
    private static BigDecimal normalised(BigDecimal percent) {
        Objects.requireNonNull(percent, "A bid security limit is required.");
        BigDecimal p = percent.stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    private static Refusal invalid(String key) {
        return new Refusal(ProblemCode.RULE_VALUE_INVALID, key, key);
    }

    /** The table as key/value text, the inverse of {@link #parse}. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ProcurementMethod method : ProcurementMethod.values()) {
            StatutoryPeriod p = notice.get(method);
            m.put(NOTICE + method, p.value());
            m.put(NOTICE + method + SOURCE, p.source());
        }
        for (ProcurementMethod method : ProcurementMethod.values()) {
            StatutoryPeriod p = correction.get(method);
            if (p != null) {
                m.put(CORRECTION + method, p.value());
                m.put(CORRECTION + method + SOURCE, p.source());
            }
        }
        m.put(BID_SECURITY, bidSecurityMaxPercent.toPlainString());
        m.put(BID_SECURITY + SOURCE, bidSecuritySource);
        return m;
    }
}
