package io.sunshine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Authenticator;
import io.sunshine.directory.boundary.SignInResult;
import io.sunshine.directory.boundary.TokenService;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.AuditTrail.Actor;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The identity store, the lockout and the audit trail inside a real Payara on PostgreSQL: the
 * business beans exactly as built (the EJB jar and its libraries from the EAR), called
 * in-container.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityAndAuditIT {

    @Deployment
    static WebArchive deployment() {
        File ear = new File(System.getProperty("it.ear", "target/ear"));
        File ejbJar = new File(ear, "sunshine-ejb.jar");
        WebArchive war =
                ShrinkWrap.create(WebArchive.class, "sunshine-it.war")
                        .addAsLibraries(ejbJar)
                        .addClasses(IdentityAndAuditIT.class, TestFixtures.class)
                        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                        // an ejb-jar.xml counts in a WAR only under WEB-INF (it declares Refusal an
                        // application exception)
                        .addAsWebInfResource(
                                new ByteArrayAsset(entry(ejbJar, "META-INF/ejb-jar.xml")),
                                "ejb-jar.xml");
        try (Stream<Path> libs = Files.list(new File(ear, "lib").toPath())) {
            libs.forEach(p -> war.addAsLibraries(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return war;
    }

    private static byte[] entry(File jar, String name) {
        try (ZipFile z = new ZipFile(jar)) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EJB Authenticator authenticator;
    @EJB TokenService tokens;
    @EJB AuditTrail audit;
    @EJB TestFixtures fixtures;
    @Inject PlatformClock clock;

    private static final String PASSWORD = "Str0ng#Pass";

    private String newUser() {
        return fixtures.supplierUser("it" + Long.toString(System.nanoTime(), 36), PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theIdentityStoreAcceptsTheRightPasswordAndReturnsTheRoles() {
        String u = newUser();
        SignInResult r = authenticator.signIn(u, PASSWORD.toCharArray(), "test");
        assertTrue(r.succeeded());
        Account a = r.account();
        assertEquals(u, a.username());
        assertEquals(java.util.Set.of("SUPPLIER"), a.roleNames());
        assertNotNull(a.lastSignInAt());
        assertEquals(1, fixtures.countAudit(u, "SIGN_IN"));
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() {
        String u = newUser();
        SignInResult r = authenticator.signIn(u, "wrong".toCharArray(), "test");
        assertFalse(r.succeeded());
        assertEquals(ProblemCode.AUTH_FAILED, r.refusal());
        assertEquals(1, fixtures.countAudit(u, "SIGN_IN_FAILED"));
        assertNull(fixtures.lockedUntil(u));
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() {
        String u = newUser();
        String token =
                tokens.issue(authenticator.signIn(u, PASSWORD.toCharArray(), "test").account())
                        .token();
        assertTrue(tokens.authenticate(token).isPresent());
        for (int i = 1; i <= 4; i++) {
            assertEquals(
                    ProblemCode.AUTH_FAILED,
                    authenticator.signIn(u, "nope".toCharArray(), "test").refusal());
        }
        Instant before = Instant.now();
        SignInResult fifth = authenticator.signIn(u, "nope".toCharArray(), "test");
        assertEquals(ProblemCode.ACCOUNT_LOCKED, fifth.refusal());
        Instant until = fixtures.lockedUntil(u);
        assertTrue(
                !until.isBefore(before.plus(Duration.ofMinutes(15)).minusSeconds(1)),
                "locked until " + until);
        assertEquals(1, fixtures.countAudit(u, "ACCOUNT_LOCKED"));
        assertTrue(tokens.authenticate(token).isEmpty(), "the lockout revokes live tokens");

        SignInResult whileLocked = authenticator.signIn(u, PASSWORD.toCharArray(), "test");
        assertEquals(ProblemCode.ACCOUNT_LOCKED, whileLocked.refusal());
        assertEquals(1, fixtures.countAudit(u, "SIGN_IN_REFUSED"));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertTrue(
                authenticator.signIn(u, PASSWORD.toCharArray(), "test").succeeded(),
                "the lock runs out");
    }

    @Test
    void parallelFailuresLockExactlyOnce() throws Exception {
        String u = newUser();
        List<Callable<SignInResult>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(() -> authenticator.signIn(u, "nope".toCharArray(), "test"));
        }
        for (SignInResult r : inParallel(8, tries)) {
            assertFalse(r.succeeded());
        }
        assertNotNull(fixtures.lockedUntil(u));
        assertEquals(1, fixtures.countAudit(u, "ACCOUNT_LOCKED"));
        assertEquals(5, fixtures.countAudit(u, "SIGN_IN_FAILED"));
    }

    @Test
    void theClockMovesOnlyOnATestServer() {
        assertTrue(
                PlatformClock.adjustable(),
                "the test domain runs with -Dsunshine.clock.adjustable=true");
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        List<Callable<Long>> appends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            appends.add(() -> chainTestAppend(n));
        }
        List<Long> seqs = inParallel(10, appends);
        assertEquals(
                40, seqs.stream().distinct().count(), "each append has its own sequence number");
        assertTrue(fixtures.countAudit("it-chain", "CHAIN_TEST") >= 40);
    }

    @Test
    void refusalsArrivingTogetherAreEachRecordedOnceInTheOneChain() throws Exception {
        String action = "RT_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            work.add(
                    () -> {
                        if (n % 3 == 0) {
                            chainTestAppend(n); // an ordinary append, in a transaction of its own
                        } else {
                            audit.recordRefusal(action, "Test", String.valueOf(n), null, "n=" + n);
                        }
                        return null;
                    });
        }
        // each refusal returns only once recorded: no error, no lost one
        inParallel(16, work);
        // no caller here (a pool thread): the refusals are the system's, each recorded once
        assertEquals(40, fixtures.countAudit(AuditTrail.SYSTEM, action));
        assertEquals(0, fixtures.unlinked(action), "each refusal links to the row before it");
    }

    private long chainTestAppend(int n) {
        return audit.recordFor(
                new Actor("it-chain", "SUPERVISOR", "测试"),
                "CHAIN_TEST",
                "Test",
                String.valueOf(n),
                null,
                "n=" + n);
    }

    /** Runs the work on so many threads at once; the results in order, or the first failure. */
    private static <T> List<T> inParallel(int threads, List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(work)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void postgresRefusesToUpdateOrDeleteAuditRows() {
        EJBException update =
                assertThrows(
                        EJBException.class,
                        () ->
                                fixtures.executeAsApplication(
                                        "UPDATE audit_entry SET actor = 'x' WHERE seq = 1"));
        assertTrue(rootMessage(update).contains("append-only"), rootMessage(update));
        EJBException delete =
                assertThrows(
                        EJBException.class,
                        () ->
                                fixtures.executeAsApplication(
                                        "DELETE FROM audit_entry WHERE seq = 1"));
        assertTrue(rootMessage(delete).contains("append-only"), rootMessage(delete));
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        StringBuilder all = new StringBuilder();
        while (c != null) {
            all.append(c.getMessage()).append(" | ");
            c = c.getCause();
        }
        return all.toString();
    }
}
