package io.sunshine.procurement.notice.boundary;

import io.sunshine.platform.boundary.Problems;
import io.sunshine.platform.boundary.Public;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.notice.control.StatutoryPeriod;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The statutory notice periods, public: an agency, a supplier or a journalist can see which period
 * applies to a method, with its source, and the earliest lawful deadline for a notice published on
 * a given day (counted on the platform's holiday calendar).
 */
@Path("v1/rules/notice-periods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NoticeRuleResource {
    @Inject NoticeRules rules;
    @Context HttpHeaders headers;

    /** One method's period as the API shows it. */
    public record Period(String method, String rule, String period, String source) {}

    /** The earliest lawful deadline of a notice published on a day. */
    public record EarliestDeadline(
            String method,
            String publishedOn,
            String earliestDeadline,
            String period,
            String source) {}

    private Locale locale() {
        return Problems.localeOf(headers.getAcceptableLanguages());
    }

    private Period period(ProcurementMethod m, Locale l) {
        StatutoryPeriod p = rules.table().notice(m);
        return new Period(m.name(), p.value(), text(p.describe(), l), text(p.citation(), l));
    }

    private static String text(Localized x, Locale l) {
        return ProblemMessages.text(x.key(), l, x.args());
    }

    @GET
    @Public
    @Operation(summary = "The notice period of every procurement method, with its source (public)")
    public List<Period> periods() {
        Locale l = locale();
        return Arrays.stream(ProcurementMethod.values()).map(m -> period(m, l)).toList();
    }

    @GET
    @Path("earliest-deadline")
    @Public
    @Operation(
            summary =
                    "The earliest lawful bid or response deadline for a notice of this method"
                            + " published on this day (public)")
    public EarliestDeadline earliestDeadline(
            @QueryParam("method") String method, @QueryParam("publishedOn") String publishedOn) {
        if (method == null || method.isBlank()) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "method", "method");
        }
        ProcurementMethod m;
        try {
            m = ProcurementMethod.valueOf(method.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "method", "method");
        }
        if (publishedOn == null || publishedOn.isBlank()) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "publishedOn", "publishedOn");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(publishedOn.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal(
                    ProblemCode.DATE_INVALID,
                    "publishedOn",
                    publishedOn.length() > 40 ? publishedOn.substring(0, 37) + "..." : publishedOn);
        }
        Locale l = locale();
        Period p = period(m, l);
        return new EarliestDeadline(
                m.name(),
                day.toString(),
                rules.periods().earliestDeadline(m, day).toString(),
                p.period(),
                p.source());
    }
}
