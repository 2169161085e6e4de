package io.sunshine.procurement.ocds.control;

import io.sunshine.platform.control.Jsonp;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One page of the release list {@code /api/ocds/releases}: the publication window and the page.
 *
 * <p>Releases are listed oldest first by publication instant (then by notice id). Notices are never
 * changed or removed and new ones are published "now", so a page, once full, keeps its releases: a
 * harvester follows {@code links.next} to the end and later resumes from the last page it read, or
 * asks {@code since} its last release's date. {@code since} is inclusive, {@code until} exclusive;
 * a bare date means that day in Asia/Shanghai (from its first second for {@code since}, to its last
 * second for {@code until}).
 *
 * <pre>{@code
 * ReleaseQuery q = ReleaseQuery.parse("2026-03-01", null, "2", "50");
 * URI next = q.next().uri(base); // ...?since=2026-03-01T00:00:00%2B08:00&page=3&size=50
 * }</pre>
 *
 * @param since the first instant included, or {@code null}
 * @param until the first instant no longer included, or {@code null}
 * @param page 1 for the first page
 * @param size releases per page
 */
public record ReleaseQuery(Instant since, Instant until, int page, int size) {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    /** Far beyond any real list, low enough that the offset never overflows. */
    public static final int MAX_PAGE = 1_000_000;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,18}");

    public ReleaseQuery {
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page out of range: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size out of range: " + size);
        }
    }

    /**
     * The query from the request parameters, any of them absent ({@code null} or blank).
     *
     * @throws Refusal OCDS_DATE_INVALID, OCDS_DATE_RANGE_EMPTY, NUMBER_INVALID, OCDS_PAGE_INVALID
     *     or OCDS_PAGE_SIZE_INVALID, naming the parameter
     */
    public static ReleaseQuery parse(String since, String until, String page, String size) {
        Instant from = instant(since, "since", false);
        Instant to = instant(until, "until", true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Refusal(
                    ProblemCode.OCDS_DATE_RANGE_EMPTY,
                    "until",
                    OcdsDates.format(from),
                    OcdsDates.format(to));
        }
        long p = number(page, "page", 1);
        if (p < 1 || p > MAX_PAGE) {
            throw new Refusal(ProblemCode.OCDS_PAGE_INVALID, "page", String.valueOf(p), MAX_PAGE);
        }
        long s = number(size, "size", DEFAULT_SIZE);
        if (s < 1 || s > MAX_SIZE) {
            throw new Refusal(
                    ProblemCode.OCDS_PAGE_SIZE_INVALID, "size", String.valueOf(s), MAX_SIZE);
        }
        return new ReleaseQuery(from, to, (int) p, (int) s);
    }

    /** How many releases come before this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    public ReleaseQuery next() {
        return new ReleaseQuery(since, until, page + 1, size);
    }

    /** The page before, or {@code null} on the first page. */
    public ReleaseQuery previous() {
        return page == 1 ? null : new ReleaseQuery(since, until, page - 1, size);
    }

    /**
     * The absolute address of this page, every parameter explicit, dates in the one form {@link
     * OcdsDates} writes.
     *
     * @param list the list's own address without query, e.g. {@code
     *     https://host/sunshine/api/ocds/releases}
     */
    public URI uri(URI list) {
        StringBuilder q = new StringBuilder();
        if (since != null) {
            q.append("since=").append(encode(OcdsDates.format(since))).append('&');
        }
        if (until != null) {
            q.append("until=").append(encode(OcdsDates.format(until))).append('&');
        }
        q.append("page=").append(page).append("&size=").append(size);
        String base = list.toString();
        int cut = base.indexOf('?');
        return URI.create((cut < 0 ? base : base.substring(0, cut)) + "?" + q);
    }

    /**
     * The {@code links} of a release package page: {@code next} when more releases follow, {@code
     * prev} unless this is the first page; both absolute.
     */
    public JsonObject links(URI list, boolean more) {
        JsonObjectBuilder links = Jsonp.PROVIDER.createObjectBuilder();
        if (more) {
            links.add("next", next().uri(list).toString());
        }
        ReleaseQuery prev = previous();
        if (prev != null) {
            links.add("prev", prev.uri(list).toString());
        }
        return links.build();
    }

    private static Instant instant(String text, String field, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(OcdsDates.SHANGHAI)
                        .toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refusal(ProblemCode.OCDS_DATE_INVALID, field, abbreviate(text));
        }
    }

    private static long number(String text, String field, long absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        String t = text.strip();
        if (!WHOLE_NUMBER.matcher(t).matches()) { // ASCII digits only: no full-width, no exponent
            throw new Refusal(ProblemCode.NUMBER_INVALID, field, abbreviate(text));
        }
        return Long.parseLong(t);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
