package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the notice list ends: the publication time and id of its last (or first) row. The
 * next page is the notices strictly older (or newer) than it in the order (published_at, id), read
 * from an index, so a page deep in the list costs what the first page costs, and a notice published
 * while someone pages is neither shown twice nor skipped. Opaque to clients (base64url of {@code
 * v1.<epoch microseconds>.<id>}): they pass it back as they got it.
 *
 * <pre>{@code
 * String c = new NoticeCursor(notice.publishedAt(), notice.id()).encode();  // "djEuMTc4..."
 * NoticeCursor.decode(c, "before");                                         // the same cursor
 * }</pre>
 */
public record NoticeCursor(Instant publishedAt, long id) {
    private static final Pattern SHAPE = Pattern.compile("v1\\.(-?[0-9]{1,19})\\.([0-9]{1,19})");
    private static final int MAX_ENCODED = 64;

    public NoticeCursor {
        // the database keeps microseconds; a finer instant would never equal a stored one
        publishedAt = Objects.requireNonNull(publishedAt).truncatedTo(ChronoUnit.MICROS);
        if (id < 0) {
            throw new IllegalArgumentException("A notice id is not negative: " + id);
        }
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt);
        String plain = "v1." + micros + "." + id;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The cursor a client passed back.
     *
     * @param field the request parameter it came in, for the refusal
     * @throws Refusal {@code NOTICE_CURSOR_INVALID} for anything this class did not write
     */
    public static NoticeCursor decode(String encoded, String field) {
        if (encoded == null || encoded.isBlank() || encoded.length() > MAX_ENCODED) {
            throw invalid(encoded, field);
        }
        String plain;
        try {
            plain =
                    new String(
                            Base64.getUrlDecoder().decode(encoded.strip()),
                            StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid(encoded, field);
        }
        Matcher m = SHAPE.matcher(plain);
        if (!m.matches()) {
            throw invalid(encoded, field);
        }
        try {
            long micros = Long.parseLong(m.group(1));
            long id = Long.parseLong(m.group(2));
            return new NoticeCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(encoded, field);
        }
    }

    private static Refusal invalid(String encoded, String field) {
        String shown = encoded == null ? "" : encoded.strip();
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        return new Refusal(ProblemCode.NOTICE_CURSOR_INVALID, field, shown);
    }
}
