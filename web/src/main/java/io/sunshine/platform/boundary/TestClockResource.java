package io.sunshine.platform.boundary;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Moves the platform clock of a TEST server, so that journeys can cross a deadline without waiting
 * for it. On every server not started with {@code -Dsunshine.clock.adjustable=true} (the run
 * command never sets it) each method answers 404 as if the endpoint did not exist; where it is
 * allowed only ADMIN may use it, and each move is audited.
 */
@Path("v1/test-clock")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TestClockResource {
    @Inject PlatformClock platformClock;
    @Inject Clock clock;
    @EJB AuditTrail audit;

    /** The platform's time now. */
    public record Now(Instant now) {}

    @GET
    @AllowedRoles("ADMIN")
    @Operation(summary = "TEST servers only: the platform time")
    public Now now() {
        requireAdjustable();
        return new Now(clock.instant());
    }

    @POST
    @AllowedRoles("ADMIN")
    @Operation(summary = "TEST servers only: move the platform time on {\"seconds\": n}")
    public Now advance(String body) {
        requireAdjustable();
        long seconds = JsonBody.parse(body).requiredLong("seconds");
        if (seconds <= 0 || seconds > Duration.ofDays(3650).toSeconds()) {
            throw new Refusal(ProblemCode.NUMBER_INVALID, "seconds", String.valueOf(seconds));
        }
        platformClock.advance(Duration.ofSeconds(seconds));
        audit.record("TEST_CLOCK_MOVED", "Clock", "platform", null, "seconds=" + seconds);
        return new Now(clock.instant());
    }

    @DELETE
    @AllowedRoles("ADMIN")
    @Operation(summary = "TEST servers only: back to real time")
    public Now reset() {
        requireAdjustable();
        platformClock.reset();
        audit.record("TEST_CLOCK_RESET", "Clock", "platform", null, null);
        return new Now(clock.instant());
    }

    private static void requireAdjustable() {
        if (!PlatformClock.adjustable()) {
            throw new Refusal(ProblemCode.NOT_FOUND, null, "v1/test-clock");
        }
    }
}
