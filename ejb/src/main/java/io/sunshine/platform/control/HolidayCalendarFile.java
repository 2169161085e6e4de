package io.sunshine.platform.control;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the holiday calendar kept in {@code config/calendar/holiday-calendar.csv}: one row per
 * line, {@code kind,date-or-range-or-year,note}, where kind is YEAR (the year is covered, note =
 * source), OFF (public holiday) or WORK (make-up working day); a range is {@code first..last}.
 * Lines starting with {@code #} and blank lines are ignored. A malformed line stops the load with
 * its line number: a calendar half read is worse than none.
 */
public final class HolidayCalendarFile {
    private HolidayCalendarFile() {}

    public static WorkingDayCalendar parse(List<String> lines) {
        Map<Integer, String> years = new HashMap<>();
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(",", 3);
            if (cols.length < 2) {
                throw new IllegalArgumentException(
                        "Line " + lineNo + ": expected kind,date[,note]");
            }
            String kind = cols[0].strip();
            String value = cols[1].strip();
            String note = cols.length > 2 ? cols[2].strip() : "";
            try {
                switch (kind) {
                    case "YEAR" -> {
                        if (years.put(Integer.parseInt(value), note) != null) {
                            throw new IllegalArgumentException(
                                    "Line " + lineNo + ": year " + value + " is declared twice");
                        }
                    }
                    case "OFF" -> addRange(off, value);
                    case "WORK" -> addRange(work, value);
                    default ->
                            throw new IllegalArgumentException(
                                    "Line " + lineNo + ": unknown kind " + kind);
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Line " + lineNo + ": bad date or year " + value, e);
            }
        }
        return new WorkingDayCalendar(years, off, work);
    }

    private static void addRange(Set<LocalDate> into, String value) {
        int dots = value.indexOf("..");
        LocalDate first = LocalDate.parse(dots < 0 ? value : value.substring(0, dots));
        LocalDate last = dots < 0 ? first : LocalDate.parse(value.substring(dots + 2));
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("Range ends before it starts: " + value);
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            into.add(d);
        }
    }
}
