package io.sunshine.directory.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens this instance found good lately, each with the account it speaks for: a token
 * checked against its database row within the last {@link #RECHECK} is taken without reading the
 * row and the user again (a supplier system bidding in a live auction presents its token many times
 * a second). Forgotten at once on this instance when the token is revoked (logout) or all its
 * user's tokens are (lockout); any other change to the user (roles, deactivation), and a revocation
 * on another instance sharing the database, is seen within {@link #RECHECK}. The token's signature
 * and expiry are checked on every request before this is asked.
 */
public final class TokenChecks {
    /** How long a good check is trusted. */
    public static final Duration RECHECK = Duration.ofSeconds(5);

    private static final int KEPT = 20_000;

    private record Checked(Account account, Instant at) {}

    private static final Map<String, Checked> CHECKED = new ConcurrentHashMap<>();

    private TokenChecks() {}

    /** The account of a token found good within {@link #RECHECK} before {@code now}, if any. */
    public static Optional<Account> recent(String tokenId, String username, Instant now) {
        Checked c = CHECKED.get(tokenId);
        if (c == null
                || now.isBefore(c.at())
                || !now.isBefore(c.at().plus(RECHECK))
                || !c.account().username().equals(username)) {
            return Optional.empty();
        }
        return Optional.of(c.account());
    }

    /** Notes a token found good at {@code now}. */
    public static void good(String tokenId, Account account, Instant now) {
        if (CHECKED.size() >= KEPT) {
            CHECKED.clear(); // crude but bounded: the next requests check their rows again
        }
        CHECKED.put(tokenId, new Checked(account, now));
    }

    /** Forgets a token (revoked). */
    public static void forget(String tokenId) {
        CHECKED.remove(tokenId);
    }

    /** Forgets every token of a user (its row changed, or all its tokens were revoked). */
    public static void forgetUser(long userId) {
        CHECKED.values().removeIf(c -> c.account().id() == userId);
    }
}
