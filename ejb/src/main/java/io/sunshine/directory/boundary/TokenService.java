package io.sunshine.directory.boundary;

import io.sunshine.directory.control.BearerTokenCodec;
import io.sunshine.directory.control.BearerTokenCodec.Claims;
import io.sunshine.directory.entity.ApiToken;
import io.sunshine.directory.entity.AppUser;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.AuditTrail.Actor;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues, checks and revokes the bearer tokens of the REST API. A token is signed with the
 * platform's token key and expires after {@code sunshine.token.lifetime} (default 8 hours); its row
 * in {@code api_token} is revoked at logout and when the account locks, and a revoked or expired
 * token, or one whose user is locked or disabled, is refused on every instance: on this one at
 * once, on another sharing the database within {@link TokenChecks#RECHECK} (a token found good is
 * not read again from the database for that long).
 */
@Stateless
@PermitAll
public class TokenService {
    public static final String KEY_NAME = "bearer-token-hmac";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext EntityManager em;
    @EJB PlatformKeys keys;
    @EJB AuditTrail audit;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "sunshine.token.lifetime", defaultValue = "PT8H")
    String lifetime;

    /** An issued token and when it expires. */
    public record IssuedToken(String token, Instant expiresAt) {}

    /** Issues a token to an account that has just signed in. */
    public IssuedToken issue(Account account) {
        AppUser user = em.find(AppUser.class, account.id());
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.parse(lifetime));
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String tokenId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        em.persist(new ApiToken(tokenId, user, now, expires));
        audit.recordFor(
                Actor.of(account),
                "TOKEN_ISSUED",
                "ApiToken",
                tokenId.substring(0, 8),
                null,
                "expiresAt=" + expires);
        String token = codec().encode(new Claims(tokenId, user.getUsername(), now, expires));
        return new IssuedToken(token, expires);
    }

    /**
     * The account a presented token speaks for: the signature must hold, the token must be neither
     * expired nor revoked, and its user active and not locked.
     */
    public Optional<Account> authenticate(String token) {
        Instant now = clock.instant();
        Optional<Claims> claims = codec().decode(token, now);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        String tokenId = claims.get().tokenId();
        Optional<Account> recent = TokenChecks.recent(tokenId, claims.get().username(), now);
        if (recent.isPresent()) {
            Account a = recent.get();
            return a.active() && !a.isLockedAt(now) ? recent : Optional.empty();
        }
        ApiToken row = em.find(ApiToken.class, tokenId);
        if (row == null
                || !row.isUsableAt(now)
                || !row.getUser().getUsername().equals(claims.get().username())) {
            return Optional.empty();
        }
        Account a = Account.of(row.getUser());
        if (!a.active() || a.isLockedAt(now)) {
            return Optional.empty();
        }
        TokenChecks.good(tokenId, a, now);
        return Optional.of(a);
    }

    /** Revokes the presented token (logout); true if it was a live token. */
    public boolean revoke(String token, String reason) {
        Optional<Claims> claims = codec().decode(token, clock.instant());
        if (claims.isEmpty()) {
            return false;
        }
        ApiToken row = em.find(ApiToken.class, claims.get().tokenId());
        if (row == null || row.getRevokedAt() != null) {
            return false;
        }
        row.revoke(clock.instant(), reason);
        TokenChecks.forget(row.getTokenId());
        audit.recordFor(
                Actor.of(Account.of(row.getUser())),
                "TOKEN_REVOKED",
                "ApiToken",
                row.getTokenId().substring(0, 8),
                null,
                "reason=" + reason);
        return true;
    }

    /** Revokes every live token of a user (lockout, deactivation); returns how many. */
    public int revokeAllOf(long userId, String reason) {
        TokenChecks.forgetUser(userId);
        return em.createQuery(
                        "UPDATE ApiToken t SET t.revokedAt = :now, t.revokedReason = :reason"
                                + " WHERE t.user.id = :user AND t.revokedAt IS NULL")
                .setParameter("now", clock.instant())
                .setParameter("reason", reason)
                .setParameter("user", userId)
                .executeUpdate();
    }

    private BearerTokenCodec codec() {
        return new BearerTokenCodec(keys.key(KEY_NAME));
    }
}
