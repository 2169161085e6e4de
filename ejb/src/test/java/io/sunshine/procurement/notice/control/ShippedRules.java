package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.HolidayCalendarFile;
import io.sunshine.platform.control.WorkingDayCalendar;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The rule table and the holiday calendar as shipped in config/, read afresh for each test. */
final class ShippedRules {
    static final Path TABLE = Path.of("../config/rules/notice-periods.properties");
    static final Path CALENDAR = Path.of("../config/calendar/holiday-calendar.csv");

    private ShippedRules() {}

    static Map<String, String> values() {
        return read(TABLE);
    }

    static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    static NoticePeriods table() {
        return NoticePeriods.parse(values());
    }

    static WorkingDayCalendar calendar() {
        try {
            return HolidayCalendarFile.parse(Files.readAllLines(CALENDAR, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
