package io.sunshine.procurement.ocds.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How every OCDS date is written: RFC 3339 in Asia/Shanghai with its offset, to the second ({@code
 * 2026-03-02T09:30:00+08:00}). One form everywhere, so a reader compares strings safely and sees
 * the local time a Chinese notice shows.
 */
public final class OcdsDates {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private OcdsDates() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(SHANGHAI));
    }

    /** The first second of a day in Shanghai, for a period's start. */
    public static String startOf(LocalDate day) {
        return format(day.atStartOfDay(SHANGHAI).toInstant());
    }

    /** The last second of a day in Shanghai, for a period's end. */
    public static String endOf(LocalDate day) {
        return format(day.atTime(LocalTime.of(23, 59, 59)).atZone(SHANGHAI).toInstant());
    }
}
