package io.sunshine.procurement.requirement.control;

import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The procurement method rule table: per category the decentralised procurement threshold
 * (分散采购限额标准) and the open-tender threshold (公开招标数额标准), the centralised catalogue (集中采购目录) and the
 * goods a reverse auction may buy. Read from {@code config/rules/procurement-methods.properties}
 * and the administrator's changes.
 *
 * <p>A catalogue entry covers itself and every code beneath it. Codes of the 2022 catalogue are
 * padded with zeros to 9 characters (A02010100 计算机 holds A02010105 台式计算机), so an entry is compared
 * by its significant part, without its trailing "00" pairs.
 */
public record MethodRules(
        Map<Category, BigDecimal> decentralisedThreshold,
        Map<Category, BigDecimal> openTenderThreshold,
        List<String> centralisedCatalogue,
        List<String> auctionCatalogue) {

    public static final String DECENTRALISED = "decentralised.threshold.";
    public static final String OPEN_TENDER = "open-tender.threshold.";
    public static final String CENTRALISED = "centralised.catalogue";
    public static final String AUCTION = "auction.catalogue";
    private static final Pattern CODE = Pattern.compile("[ABC]\\d{0,16}");

    public MethodRules {
        decentralisedThreshold = Map.copyOf(decentralisedThreshold);
        openTenderThreshold = Map.copyOf(openTenderThreshold);
        centralisedCatalogue = List.copyOf(centralisedCatalogue);
        auctionCatalogue = List.copyOf(auctionCatalogue);
        for (Category c : Category.values()) {
            if (!decentralisedThreshold.containsKey(c) || !openTenderThreshold.containsKey(c)) {
                throw new IllegalArgumentException("Thresholds for every category are required.");
            }
        }
    }

    /** The rule keys in the order pages show them. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Category c : Category.values()) {
            keys.add(DECENTRALISED + c);
        }
        for (Category c : Category.values()) {
            keys.add(OPEN_TENDER + c);
        }
        keys.add(CENTRALISED);
        keys.add(AUCTION);
        return keys;
    }

    /**
     * Reads the table from key/value text; every key of {@link #keys()} must be present and valid.
     *
     * @throws Refusal RULE_VALUE_INVALID naming the key
     */
    public static MethodRules parse(Map<String, String> values) {
        Map<Category, BigDecimal> decentralised = new EnumMap<>(Category.class);
        Map<Category, BigDecimal> open = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            decentralised.put(c, amount(values, DECENTRALISED + c));
            open.put(c, amount(values, OPEN_TENDER + c));
            if (open.get(c).compareTo(decentralised.get(c)) < 0) {
                throw new Refusal(ProblemCode.RULE_VALUE_INVALID, OPEN_TENDER + c, OPEN_TENDER + c);
            }
        }
        return new MethodRules(
                decentralised, open, codes(values, CENTRALISED), codes(values, AUCTION));
    }

    private static BigDecimal amount(Map<String, String> values, String key) {
        Money m;
        try {
            m = Money.parse(values.get(key), key);
        } catch (Refusal r) {
            throw new Refusal(ProblemCode.RULE_VALUE_INVALID, key, key);
        }
        if (m.isZero()) {
            throw new Refusal(ProblemCode.RULE_VALUE_INVALID, key, key);
        }
        return m.amount();
    }

    private static List<String> codes(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new Refusal(ProblemCode.RULE_VALUE_INVALID, key, key);
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split("[,，\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!CODE.matcher(part).matches()) {
                throw new Refusal(ProblemCode.RULE_VALUE_INVALID, key, key);
            }
            if (!out.contains(part)) {
                out.add(part);
            }
        }
        return out;
    }

    /** The table as key/value text, the inverse of {@link #parse}. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            m.put(DECENTRALISED + c, decentralisedThreshold.get(c).toPlainString());
        }
        for (Category c : Category.values()) {
            m.put(OPEN_TENDER + c, openTenderThreshold.get(c).toPlainString());
        }
        m.put(CENTRALISED, String.join(",", centralisedCatalogue));
        m.put(AUCTION, String.join(",", auctionCatalogue));
        return m;
    }

    /** Whether a catalogue entry covers a code (is it or one of its ancestors). */
    static boolean covers(String entry, String code) {
        String significant = entry;
        while (significant.length() > 1 && significant.endsWith("00")) {
            significant = significant.substring(0, significant.length() - 2);
        }
        return code.startsWith(significant);
    }

    private static boolean anyCovers(List<String> entries, String code) {
        return entries.stream().anyMatch(e -> covers(e, code));
    }

    /**
     * What the table says about a requirement of one category, with this total and these item
     * codes.
     */
    public MethodDecision decide(Category category, BigDecimal total, Collection<String> codes) {
        boolean centralised = codes.stream().anyMatch(c -> anyCovers(centralisedCatalogue, c));
        boolean auctionable =
                category == Category.A
                        && !codes.isEmpty()
                        && codes.stream().allMatch(c -> anyCovers(auctionCatalogue, c));
        boolean openTenderOnly = total.compareTo(openTenderThreshold.get(category)) >= 0;
        boolean governmentProcurement =
                centralised || total.compareTo(decentralisedThreshold.get(category)) >= 0;
        Set<ProcurementMethod> allowed = EnumSet.of(ProcurementMethod.OPEN_TENDER);
        if (!openTenderOnly) {
            allowed.addAll(
                    Arrays.asList(
                            ProcurementMethod.INVITED_TENDER,
                            ProcurementMethod.COMPETITIVE_NEGOTIATION,
                            ProcurementMethod.COMPETITIVE_CONSULTATION,
                            ProcurementMethod.SINGLE_SOURCE));
            if (category == Category.A) {
                allowed.add(ProcurementMethod.REQUEST_FOR_QUOTATION);
            }
        }
        if (auctionable) {
            allowed.add(ProcurementMethod.REVERSE_AUCTION);
        }
        return new MethodDecision(
                allowed,
                centralised,
                governmentProcurement,
                openTenderOnly,
                auctionable,
                openTenderThreshold.get(category),
                decentralisedThreshold.get(category));
    }
}
