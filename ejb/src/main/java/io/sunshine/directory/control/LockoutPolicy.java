package io.sunshine.directory.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Five failed sign-ins in a row lock an account for fifteen minutes. A successful sign-in resets
 * the count; a failure after the lock has expired starts a new count. Signing in with the right
 * password while locked does not unlock.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {
    public static final LockoutPolicy STANDARD = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (maxFailures < 1 || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("A lockout needs ≥ 1 failure and a positive time.");
        }
    }

    /** When the lock ends if this failure is the last allowed one, else {@code null}. */
    public Instant lockUntilAfterFailure(int failuresIncludingThis, Instant now) {
        return failuresIncludingThis >= maxFailures ? now.plus(lockDuration) : null;
    }
}
