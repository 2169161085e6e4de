package io.sunshine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.procurement.auction.boundary.Auctions;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
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
 * Closers racing for the same due auction close it exactly once (issue 5, part "restart"). Inside a
 * real Payara on PostgreSQL, with the engine's beans exactly as built: eight threads call {@link
 * Auctions#close} at once, beside this application's own five-second sweeper, as the sweepers of
 * several instances sharing the database would. The auction's row is held locked by a separate
 * connection until all eight and the sweeper wait on it, so they really meet at the lock; when it
 * is released, one of them closes the auction and every other one finds it closed.
 */
@ExtendWith(ArquillianExtension.class)
class AuctionCloseRaceIT {
    private static final int CLOSERS = 8;

    @Deployment
    static WebArchive deployment() {
        File ear = new File(System.getProperty("it.ear", "target/ear"));
        File ejbJar = new File(ear, "sunshine-ejb.jar");
        WebArchive war =
                ShrinkWrap.create(WebArchive.class, "sunshine-race-it.war")
                        .addAsLibraries(ejbJar)
                        .addClasses(AuctionCloseRaceIT.class, AuctionFixtures.class)
                        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
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

    @EJB Auctions auctions;
    @EJB AuctionFixtures fixtures;
    @Inject PlatformClock clock;

    @Resource(lookup = "jdbc/sunshine")
    DataSource database;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void closersRacingForADueAuctionCloseItOnce() throws Exception {
        Instant now = Instant.now();
        // open for five more minutes: no sweeper touches it before the lock is held
        long id =
                fixtures.runningAuction(
                        now.minus(Duration.ofMinutes(25)), now.plus(Duration.ofMinutes(5)));
        ExecutorService pool = Executors.newFixedThreadPool(CLOSERS);
        List<Future<Boolean>> closes = new ArrayList<>();
        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            try {
                try (PreparedStatement lock =
                        holder.prepareStatement(
                                "SELECT state FROM auction WHERE id = ? FOR UPDATE")) {
                    lock.setLong(1, id);
                    try (ResultSet rs = lock.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("OPEN", rs.getString(1));
                    }
                }
                // now it is due, for the racing threads and for this application's sweeper alike
                clock.advance(Duration.ofMinutes(6));
                CountDownLatch go = new CountDownLatch(1);
                for (int i = 0; i < CLOSERS; i++) {
                    closes.add(
                            pool.submit(
                                    () -> {
                                        go.await();
                                        return auctions.close(id);
                                    }));
                }
                go.countDown();
                // the eight calls and this application's sweeper, which finds the auction due
                awaitWaiting(CLOSERS + 1);
                assertEquals("OPEN", fixtures.state(id), "nobody got past the lock");
            } finally {
                // releases the lock: the closers go on one after the other
                holder.rollback();
                holder.setAutoCommit(true);
            }
        } finally {
            pool.shutdown();
        }
        int closedHere = 0;
        for (Future<Boolean> f : closes) {
            if (f.get(120, TimeUnit.SECONDS)) {
                closedHere++;
            }
        }
        assertTrue(closedHere <= 1, "closed by " + closedHere + " racing calls");
        // every call returned after reading the row under the lock: if none of them closed it, the
        // sweeper had, before they read it
        assertEquals("AWARDED", fixtures.state(id));
        assertEquals(0, new BigDecimal("47000.00").compareTo(fixtures.winningAmount(id)));
        assertEquals(1, fixtures.countAudit("AUCTION_AWARDED", id));
        Instant closedAt = fixtures.closedAt(id);
        assertNotNull(closedAt);
        // a late closer changes nothing
        assertFalse(auctions.close(id));
        assertEquals(closedAt, fixtures.closedAt(id));
        assertEquals(1, fixtures.countAudit("AUCTION_AWARDED", id));
    }

    /**
     * Waits until at least {@code n} sessions of this database wait for a lock. It asks on a
     * connection of its own in autocommit: PostgreSQL shows a transaction one snapshot of {@code
     * pg_stat_activity} for all its statements.
     */
    private void awaitWaiting(int n) throws SQLException {
        Instant end = Instant.now().plus(Duration.ofSeconds(120));
        String count =
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND"
                        + " wait_event_type = 'Lock'";
        int waiting = 0;
        try (Connection watcher = database.getConnection()) {
            watcher.setAutoCommit(true);
            while (Instant.now().isBefore(end)) {
                try (PreparedStatement s = watcher.prepareStatement(count);
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    waiting = rs.getInt(1);
                }
                if (waiting >= n) {
                    return;
                }
                sleep(200);
            }
        }
        throw new AssertionError("only " + waiting + " of " + n + " sessions wait on the lock");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
