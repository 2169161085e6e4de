package io.sunshine.directory.boundary;

import io.sunshine.platform.control.ProblemCode;
import java.io.Serializable;
import java.time.Instant;

/**
 * The outcome of a sign-in: the account on success, else the reason (AUTH_FAILED, ACCOUNT_LOCKED
 * with the time the lock ends, ACCOUNT_DISABLED).
 */
public record SignInResult(Account account, ProblemCode refusal, Instant lockedUntil)
        implements Serializable {

    static SignInResult success(Account a) {
        return new SignInResult(a, null, null);
    }

    static SignInResult refused(ProblemCode code, Instant lockedUntil) {
        return new SignInResult(null, code, lockedUntil);
    }

    public boolean succeeded() {
        return account != null;
    }
}
