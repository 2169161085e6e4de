package io.sunshine.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenChecksTest {
    static final Instant T = Instant.parse("2026-12-02T06:00:00Z");

    static Account account(long id, String username) {
        return new Account(
                id,
                username,
                username,
                7L,
                "滨江科技有限公司",
                OrganisationType.SUPPLIER,
                Set.of(Role.SUPPLIER),
                true,
                null,
                0,
                null,
                T);
    }

    @Test
    void aGoodTokenIsTakenWithoutItsRowUntilTheRecheckIsDue() {
        Account a = account(9001, "tc-supplier");
        TokenChecks.good("tc-1", a, T);
        assertEquals(Optional.of(a), TokenChecks.recent("tc-1", "tc-supplier", T.plusSeconds(4)));
        assertEquals(
                Optional.empty(),
                TokenChecks.recent("tc-1", "tc-supplier", T.plus(TokenChecks.RECHECK)),
                "due for a recheck");
        assertEquals(
                Optional.empty(),
                TokenChecks.recent("tc-1", "tc-supplier", T.minusSeconds(1)),
                "a clock that went back trusts nothing");
        assertEquals(
                Optional.empty(),
                TokenChecks.recent("tc-1", "someone-else", T.plusSeconds(1)),
                "the token's own user only");
        assertTrue(TokenChecks.recent("tc-unknown", "tc-supplier", T).isEmpty());
    }

    @Test
    void aRevokedTokenAndEveryTokenOfAChangedUserAreForgotten() {
        TokenChecks.good("tc-a", account(9002, "tc-one"), T);
        TokenChecks.good("tc-b", account(9002, "tc-one"), T);
        TokenChecks.good("tc-c", account(9003, "tc-two"), T);
        TokenChecks.forget("tc-a");
        assertTrue(TokenChecks.recent("tc-a", "tc-one", T.plusSeconds(1)).isEmpty());
        assertTrue(TokenChecks.recent("tc-b", "tc-one", T.plusSeconds(1)).isPresent());
        TokenChecks.forgetUser(9002);
        assertTrue(TokenChecks.recent("tc-b", "tc-one", T.plusSeconds(1)).isEmpty());
        assertTrue(TokenChecks.recent("tc-c", "tc-two", T.plusSeconds(1)).isPresent());
    }
}
