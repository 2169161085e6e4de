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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The platform's working-day calendar, read once from {@code config/calendar/holiday-calendar.csv}
 * (shipped in the EJB jar) and the optional file named by {@value #EXTRA}. Immutable after start,
 * so every instance of a cluster holds the same.
 */
@ApplicationScoped
public class HolidayCalendar {
    static final String RESOURCE = "io/sunshine/platform/calendar/holiday-calendar.csv";

    /**
     * A file of further rows in the same format (system property), read after the shipped ones: how
     * a city adds the State Council's arrangement for a new year without rebuilding. A year
     * declared twice is refused at start-up.
     */
    public static final String EXTRA = "sunshine.calendar.extra";

    private static final Logger LOG = Logger.getLogger(HolidayCalendar.class.getName());

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
            List<String> lines = new ArrayList<>(r.lines().collect(Collectors.toList()));
            String extra = System.getProperty(EXTRA);
            if (extra != null && !extra.isBlank()) {
                // rows the city adds without a rebuild, e.g. next year's arrangement once published
                lines.addAll(Files.readAllLines(Path.of(extra), StandardCharsets.UTF_8));
                LOG.info(() -> "Holiday calendar: rows added from " + extra);
            }
            calendar = HolidayCalendarFile.parse(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }
}
