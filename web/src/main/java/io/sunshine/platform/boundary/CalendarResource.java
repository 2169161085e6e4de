package io.sunshine.platform.boundary;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.platform.control.WorkingDayCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Public deadline planning on the platform's working-day calendar: the date {@code workingDays}
 * working days after {@code from}, or the end of a period of {@code days} calendar days (moved to
 * the next working day when it falls on a rest day, 民法典 第二百零三条).
 */
@Path("v1/calendar")
@ApplicationScoped
@Public
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    static final int MAX_DAYS = 3650;

    @Inject HolidayCalendar holidays;

    /** The answer: the deadline date and how it was counted. */
    public record Deadline(String date, String from, Integer workingDays, Integer days) {}

    @GET
    @Path("deadline")
    @Operation(summary = "Deadline after N working days or N calendar days")
    public Deadline deadline(
            @QueryParam("from") String from,
            @QueryParam("workingDays") String workingDays,
            @QueryParam("days") String days) {
        if (from == null || from.isBlank()) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "from", "from");
        }
        LocalDate start;
        try {
            start = LocalDate.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal(ProblemCode.DATE_INVALID, "from", abbreviate(from));
        }
        if (workingDays != null && days != null) {
            throw new Refusal(ProblemCode.PARAMETER_CONFLICT, "days", "workingDays", "days");
        }
        if (workingDays == null && days == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "workingDays", "workingDays");
        }
        WorkingDayCalendar cal = holidays.calendar();
        if (workingDays != null) {
            int n = count(workingDays, "workingDays");
            return new Deadline(cal.addWorkingDays(start, n).toString(), start.toString(), n, null);
        }
        int n = count(days, "days");
        return new Deadline(cal.addCalendarDays(start, n).toString(), start.toString(), null, n);
    }

    private static int count(String text, String field) {
        String t = text.strip();
        if (!t.matches("-?[0-9]{1,9}")) { // ASCII digits only: no full-width, no exponent, no sign
            throw new Refusal(ProblemCode.NUMBER_INVALID, field, abbreviate(text));
        }
        int n = Integer.parseInt(t);
        if (n < 0 || n > MAX_DAYS) {
            throw new Refusal(ProblemCode.PERIOD_OUT_OF_RANGE, field, String.valueOf(n));
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
