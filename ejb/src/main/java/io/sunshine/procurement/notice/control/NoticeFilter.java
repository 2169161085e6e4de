package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The portal's filters on published notices, read from what a visitor typed or a client sent, each
 * checked with a refusal that names the parameter. Dates are days in Beijing time: {@code from} is
 * the start of its day, {@code to} the end of its day.
 *
 * <pre>{@code
 * NoticeFilter f = NoticeFilter.parse("PROCUREMENT", null, "第一中学", "A0201", "2026-01-01", null, "电脑");
 * f.categoryPrefix();   // "A0201": notices with an item of 信息化设备 or below
 * }</pre>
 *
 * @param buyerId the purchasing unit by id (the parameter was a number)
 * @param buyerName part of the purchasing unit's name (the parameter was not a number)
 * @param categoryPrefix a catalogue code prefix: the category letter and whole two-digit levels
 * @param publishedFrom the earliest publication instant, inclusive
 * @param publishedBefore the publication instant the notices come before, exclusive
 */
public record NoticeFilter(
        NoticeType type,
        ProcurementMethod method,
        Long buyerId,
        String buyerName,
        String categoryPrefix,
        Instant publishedFrom,
        Instant publishedBefore,
        NoticeSearch search) {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final int MAX_BUYER_NAME = 100;

    // A, A02, A0201, … A02010105: whole levels; a padded code (A02010100) is its own prefix A020101
    private static final Pattern CATEGORY = Pattern.compile("[ABC]([0-9]{2}){0,4}");

    /** No filter at all: the newest notices of every kind. */
    public static final NoticeFilter NONE =
            new NoticeFilter(null, null, null, null, null, null, null, null);

    public static NoticeFilter parse(
            String type,
            String method,
            String buyer,
            String category,
            String from,
            String to,
            String q) {
        LocalDate fromDay = day(from, "from");
        LocalDate toDay = day(to, "to");
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw new Refusal(ProblemCode.NOTICE_DATE_RANGE_INVALID, "to", fromDay, toDay);
        }
        String b = blankToNull(buyer);
        Long buyerId = null;
        String buyerName = null;
        if (b != null) {
            b = Normalizer.normalize(b, Normalizer.Form.NFKC).strip();
            if (b.matches("[0-9]{1,18}")) {
                buyerId = Long.valueOf(b);
            } else if (b.length() > MAX_BUYER_NAME) {
                throw new Refusal(ProblemCode.NOTICE_BUYER_TOO_LONG, "buyer", MAX_BUYER_NAME);
            } else {
                buyerName = b;
            }
        }
        return new NoticeFilter(
                enumValue(NoticeType.class, type, "type"),
                enumValue(ProcurementMethod.class, method, "method"),
                buyerId,
                buyerName,
                categoryPrefix(category),
                fromDay == null ? null : fromDay.atStartOfDay(BEIJING).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(BEIJING).toInstant(),
                NoticeSearch.parse(q).orElse(null));
    }

    /** The category letter of a bare-letter prefix, which the notice row itself carries. */
    public Optional<String> categoryLetter() {
        return categoryPrefix != null && categoryPrefix.length() == 1
                ? Optional.of(categoryPrefix)
                : Optional.empty();
    }

    static String categoryPrefix(String raw) {
        String c = blankToNull(raw);
        if (c == null) {
            return null;
        }
        String v = c.strip().toUpperCase(Locale.ROOT);
        if (!CATEGORY.matcher(v).matches()) {
            throw new Refusal(
                    ProblemCode.NOTICE_CATEGORY_INVALID,
                    "category",
                    c.length() > 20 ? c.substring(0, 17) + "..." : c);
        }
        while (v.length() > 1 && v.endsWith("00")) {
            v = v.substring(0, v.length() - 2);
        }
        return v;
    }

    private static LocalDate day(String raw, String field) {
        String d = blankToNull(raw);
        if (d == null) {
            return null;
        }
        try {
            return LocalDate.parse(d.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal(
                    ProblemCode.DATE_INVALID,
                    field,
                    d.length() > 40 ? d.substring(0, 37) + "..." : d);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field) {
        String v = blankToNull(raw);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal(
                    ProblemCode.NOTICE_FILTER_INVALID,
                    field,
                    v.length() > 40 ? v.substring(0, 37) + "..." : v,
                    field,
                    Arrays.stream(type.getEnumConstants())
                            .map(Enum::name)
                            .collect(Collectors.joining(", ")));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
