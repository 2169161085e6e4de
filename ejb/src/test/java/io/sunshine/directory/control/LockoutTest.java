package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.directory.entity.AppUser;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.Role;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LockoutTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private final Organisation supplier =
            new Organisation("某公司", OrganisationType.SUPPLIER, null, null, T0);

    private AppUser user() {
        return new AppUser("supplier9", "某人", supplier, Set.of(Role.SUPPLIER), "h", T0);
    }

    @Test
    void fiveFailuresInARowLockForFifteenMinutes() {
        AppUser u = user();
        for (int i = 1; i <= 4; i++) {
            assertFalse(u.recordFailedSignIn(T0.plusSeconds(i), LockoutPolicy.STANDARD));
        }
        assertFalse(u.isLockedAt(T0.plusSeconds(4)));
        assertTrue(u.recordFailedSignIn(T0.plusSeconds(5), LockoutPolicy.STANDARD));
        assertEquals(T0.plusSeconds(5).plus(Duration.ofMinutes(15)), u.getLockedUntil());
        assertTrue(u.isLockedAt(T0.plusSeconds(5).plus(Duration.ofMinutes(14))));
        assertFalse(u.isLockedAt(T0.plusSeconds(5).plus(Duration.ofMinutes(15))));
    }

    @Test
    void aSuccessResetsTheCount() {
        AppUser u = user();
        for (int i = 0; i < 4; i++) {
            u.recordFailedSignIn(T0, LockoutPolicy.STANDARD);
        }
        u.recordSuccessfulSignIn(T0);
        assertFalse(u.recordFailedSignIn(T0, LockoutPolicy.STANDARD));
        assertEquals(1, u.getFailedSignIns());
    }

    @Test
    void aConfirmedPasswordResetsTheCountButNotALock() {
        AppUser u = user();
        for (int i = 0; i < 4; i++) {
            u.recordFailedSignIn(T0, LockoutPolicy.STANDARD);
        }
        u.confirmedPassword(T0);
        assertEquals(0, u.getFailedSignIns());
        assertEquals(null, u.getLastSignInAt(), "a signature is not a sign-in");
        for (int i = 0; i < 5; i++) {
            u.recordFailedSignIn(T0, LockoutPolicy.STANDARD);
        }
        u.confirmedPassword(T0.plusSeconds(1));
        assertTrue(u.isLockedAt(T0.plusSeconds(1)), "the lock stays");
        assertEquals(5, u.getFailedSignIns());
    }

    @Test
    void aFailureAfterTheLockRanOutStartsANewCount() {
        AppUser u = user();
        for (int i = 0; i < 5; i++) {
            u.recordFailedSignIn(T0, LockoutPolicy.STANDARD);
        }
        Instant later = T0.plus(Duration.ofMinutes(16));
        assertFalse(u.recordFailedSignIn(later, LockoutPolicy.STANDARD));
        assertEquals(1, u.getFailedSignIns());
        assertFalse(u.isLockedAt(later));
    }

    @Test
    void rolesAreBoundedByTheOrganisationType() {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> new AppUser("x9x", "x", supplier, Set.of(Role.ADMIN), "h", T0));
        assertEquals(ProblemCode.ROLE_NOT_ALLOWED_FOR_ORGANISATION, r.code());
        assertEquals(
                ProblemCode.ROLES_MISSING,
                assertThrows(
                                Refusal.class,
                                () -> new AppUser("x9x", "x", supplier, Set.of(), "h", T0))
                        .code());
    }

    @Test
    void usernamesAndPasswordsFollowTheirRules() {
        assertEquals("purchaser1", UsernameRule.canonical("  Purchaser1 "));
        assertThrows(Refusal.class, () -> UsernameRule.canonical("1abc"));
        assertThrows(Refusal.class, () -> UsernameRule.canonical("ab"));
        assertThrows(Refusal.class, () -> UsernameRule.canonical("用户"));
        PasswordPolicy.check("admin", "Demo#2026".toCharArray());
        assertThrows(Refusal.class, () -> PasswordPolicy.check("admin", "short1A".toCharArray()));
        assertThrows(
                Refusal.class, () -> PasswordPolicy.check("admin", "alllowercase".toCharArray()));
        assertThrows(
                Refusal.class,
                () -> PasswordPolicy.check("Admin#2026", "admin#2026".toCharArray()));
    }
}
