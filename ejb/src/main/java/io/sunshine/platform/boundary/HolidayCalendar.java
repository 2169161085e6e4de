package io.sunshine.platform.boundary;

import io.sunshine.platform.control.HolidayCalendarFile;
import io.sunshine.platform.control.WorkingDayCalendar;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The platform's working-day calendar, read once from {@code config/calendar/holiday-calendar.csv}
 * (shipped in the EJB jar). Immutable after start, so every instance of a cluster holds the same.
 */
@ApplicationScoped
public class HolidayCalendar {
    static final String RESOURCE = "io/sunshine/platform/calendar/holiday-calendar.csv";

    private WorkingDayCalendar calendar;

    @PostConstruct
    void load() {
        try (InputStream in =
                HolidayCalendar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The holiday calendar is missing: " + RESOURCE);
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            calendar = HolidayCalendarFile.parse(r.lines().collect(Collectors.toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }
}
