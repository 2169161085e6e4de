package io.sunshine.directory.boundary;

import io.sunshine.directory.control.LockoutPolicy;
import io.sunshine.directory.control.PasswordHasher;
import io.sunshine.directory.entity.AppUser;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.AuditTrail.Actor;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks a user name and password, keeps the lockout count, and writes every sign-in, failure,
 * refusal and lockout to the audit trail. Used by the identity store of the web tier (form sign-in)
 * and by the token endpoint of the API.
 *
 * <p>A refused sign-in is an outcome, not an exception: its failure count and audit rows commit.
 * The password is checked before the user's row is locked, so the slow PBKDF2 never holds a lock;
 * the count itself is kept under {@code SELECT … FOR UPDATE}, so five parallel failures lock the
 * account exactly as five sequential ones do.
 */
@Stateless
@PermitAll
public class Authenticator {
    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

    /** Checked against when the user does not exist, so that its absence takes as long. */
    private static final String DECOY_HASH = new PasswordHasher().hash("decoy".toCharArray());

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @EJB TokenService tokens;
    @Inject Clock clock;

    private final PasswordHasher hasher = new PasswordHasher();
    private final LockoutPolicy lockout = LockoutPolicy.STANDARD;

    /**
     * @param channel how the user signs in ({@code web} or {@code api}), recorded in the trail
     */
    public SignInResult signIn(String username, char[] password, String channel) {
        try {
            return check(username, password == null ? new char[0] : password, channel);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private SignInResult check(String username, char[] password, String channel) {
        String name = username == null ? "" : username.strip();
        Optional<AppUser> found = name.isEmpty() ? Optional.empty() : Users.byUsername(em, name);
        if (found.isEmpty()) {
            hasher.matches(password, DECOY_HASH);
            audit.recordFor(
                    new Actor(AuditTrail.ANONYMOUS, null, null),
                    "SIGN_IN_FAILED",
                    "User",
                    cut(name),
                    null,
                    "reason=UNKNOWN_USER; channel=" + channel);
            return SignInResult.refused(ProblemCode.AUTH_FAILED, null);
        }
        AppUser user = found.get();
        boolean passwordMatches = hasher.matches(password, user.getPasswordHash());
        Instant now = clock.instant();
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        Actor actor = Actor.of(Account.of(user));

        if (!user.isActive()) {
            audit.recordFor(
                    actor,
                    "SIGN_IN_REFUSED",
                    "User",
                    user.getUsername(),
                    null,
                    "reason=ACCOUNT_DISABLED; channel=" + channel);
            return SignInResult.refused(ProblemCode.ACCOUNT_DISABLED, null);
        }
        if (user.isLockedAt(now)) {
            audit.recordFor(
                    actor,
                    "SIGN_IN_REFUSED",
                    "User",
                    user.getUsername(),
                    null,
                    "reason=ACCOUNT_LOCKED; lockedUntil="
                            + user.getLockedUntil()
                            + "; channel="
                            + channel);
            return SignInResult.refused(ProblemCode.ACCOUNT_LOCKED, user.getLockedUntil());
        }
        if (!passwordMatches) {
            int before = user.getFailedSignIns();
            boolean lockedNow = user.recordFailedSignIn(now, lockout);
            audit.recordFor(
                    actor,
                    "SIGN_IN_FAILED",
                    "User",
                    user.getUsername(),
                    "failedSignIns=" + before,
                    "reason=WRONG_PASSWORD; failedSignIns="
                            + user.getFailedSignIns()
                            + "; channel="
                            + channel);
            if (lockedNow) {
                int revoked = tokens.revokeAllOf(user.getId(), "LOCKOUT");
                audit.recordFor(
                        actor,
                        "ACCOUNT_LOCKED",
                        "User",
                        user.getUsername(),
                        "failedSignIns=" + user.getFailedSignIns(),
                        "lockedUntil=" + user.getLockedUntil() + "; tokensRevoked=" + revoked);
                LOG.warning(() -> "Account locked after repeated failed sign-ins: " + user.getId());
                return SignInResult.refused(ProblemCode.ACCOUNT_LOCKED, user.getLockedUntil());
            }
            return SignInResult.refused(ProblemCode.AUTH_FAILED, null);
        }
        if (hasher.needsRehash(user.getPasswordHash())) {
            user.replacePasswordHash(hasher.hash(password));
        }
        user.recordSuccessfulSignIn(now);
        audit.recordFor(actor, "SIGN_IN", "User", user.getUsername(), null, "channel=" + channel);
        return SignInResult.success(Account.of(user));
    }

    /**
     * A wrong password given to confirm an act (a contract signature) counts towards the lockout as
     * a failed sign-in does: five wrong ones in a row lock the account and revoke its tokens, so
     * the signing endpoint cannot be used to guess a password the sign-in would stop. In a
     * transaction of its own, under the user's row lock: the act itself is refused and rolls back,
     * the count and its audit rows stay.
     *
     * @return when the lock ends, if this failure locked the account
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Instant> confirmationFailed(long userId, String act) {
        AppUser user = em.find(AppUser.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!user.recordFailedSignIn(now, lockout)) {
            return Optional.empty();
        }
        int revoked = tokens.revokeAllOf(user.getId(), "LOCKOUT");
        audit.recordFor(
                Actor.of(Account.of(user)),
                "ACCOUNT_LOCKED",
                "User",
                user.getUsername(),
                "failedSignIns=" + user.getFailedSignIns(),
                "lockedUntil="
                        + user.getLockedUntil()
                        + "; tokensRevoked="
                        + revoked
                        + "; act="
                        + act);
        LOG.warning(() -> "Account locked after repeated wrong confirmations: " + user.getId());
        return Optional.of(user.getLockedUntil());
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40);
    }
}
