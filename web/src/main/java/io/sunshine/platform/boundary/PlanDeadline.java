package io.sunshine.platform.boundary;

import io.sunshine.platform.control.Refusal;
import io.sunshine.platform.control.WorkingDayCalendar;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;

/** The public deadline calculator on the home page (the same calendar as the API). */
@Named
@ViewScoped
public class PlanDeadline implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject HolidayCalendar holidays;
    @Inject Formats formats;

    private LocalDate from = LocalDate.now(Formats.BEIJING);
    private Integer count = 20;
    private String mode = "days";
    private String result;

    public void compute() {
        result = null;
        try {
            WorkingDayCalendar cal = holidays.calendar();
            if (from == null) {
                throw new Refusal(
                        io.sunshine.platform.control.ProblemCode.PARAMETER_MISSING, "from", "from");
            }
            if (count == null || count < 0 || count > 3650) {
                throw new Refusal(
                        io.sunshine.platform.control.ProblemCode.PERIOD_OUT_OF_RANGE,
                        "count",
                        String.valueOf(count));
            }
            LocalDate end =
                    "workingDays".equals(mode)
                            ? cal.addWorkingDays(from, count)
                            : cal.addCalendarDays(from, count);
            result =
                    FacesProblems.text(
                            "home.deadline.result",
                            end.toString(),
                            formats.weekday(end, FacesProblems.locale()));
        } catch (Refusal r) {
            FacesProblems.show(r, "deadline");
        }
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getResult() {
        return result;
    }

    public boolean isCalendarDays() {
        return "days".equals(mode);
    }
}
