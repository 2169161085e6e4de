package io.sunshine.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * The one clock of the platform; every bean injects {@link Clock} from here and never calls {@code
 * Instant.now()} itself, so that tests can move time.
 *
 * <p>Time can be moved only in a server started with {@code -Dsunshine.clock.adjustable=true},
 * which the test domain sets and the run command never does. The offset is per JVM: in a cluster
 * each instance would keep its own, which is why it is a test facility only.
 */
@ApplicationScoped
public class PlatformClock {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = Logger.getLogger(PlatformClock.class.getName());

    private volatile Duration offset = Duration.ZERO;

    @Produces
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return SHANGHAI;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), offset);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }

    public static boolean adjustable() {
        return Boolean.getBoolean("sunshine.clock.adjustable");
    }

    /** Moves this JVM's platform time; refused unless the server is a test server. */
    public void advance(Duration by) {
        if (!adjustable()) {
            throw new IllegalStateException("The platform clock is not adjustable on this server.");
        }
        offset = offset.plus(by);
        LOG.warning(() -> "Platform clock moved by " + by + "; offset now " + offset);
    }

    public void reset() {
        if (adjustable()) {
            offset = Duration.ZERO;
        }
    }
}
