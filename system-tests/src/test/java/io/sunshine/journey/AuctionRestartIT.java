package io.sunshine.journey;

import static io.sunshine.support.Procurement.check;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.AuctionFixture;
import io.sunshine.support.Procurement;
import io.sunshine.support.Procurement.Item;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestDomain;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auction survives a restart of Payara and closes exactly once (issue 5, part "restart"): the
 * test server's domain is stopped with its own {@code asadmin} in the middle of an auction and
 * started again; every accepted bid is still there with the same ladder, best price, extended close
 * and hash chain, bidding goes on, and the auction closes once. A second auction whose close falls
 * due while the server is down is closed by the restarted server, also once.
 *
 * <p>The test clock's offset is kept in the JVM only (a test facility; production time is never
 * moved), so it is gone after the restart: the test checks that, and sets the clock again, to two
 * seconds past the second auction's close, which was 20 s away when the server stopped — as if the
 * server had been down for those 22 s of platform time, whatever the restart took in real time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuctionRestartIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> BIDDERS =
            List.of("supplier1", "supplier2", "supplier4", "supplier6");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    /**
     * Real time again; and a server for the next tests even if this one failed while it was down.
     */
    @AfterEach
    void realTime() {
        if (!TestDomain.answers()) {
            TestDomain.start();
        }
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    @Test
    void anAuctionKeepsEveryBidAcrossARestartAndEachAuctionClosesOnce() {
        LocalDate day = LocalDate.now(Procurement.SHANGHAI).plusDays(12);
        ZonedDateTime enrolmentClose = day.atTime(9, 30).atZone(Procurement.SHANGHAI);
        // "running" is open across the restart; "lapsing" closes (10:10) while the server is down
        JsonObject running = auction(enrolmentClose, enrolmentClose);
        JsonObject lapsing = auction(enrolmentClose, enrolmentClose.plusMinutes(10));
        long a = running.getJsonNumber("id").longValue();
        long b = lapsing.getJsonNumber("id").longValue();
        Instant aStart = OffsetDateTime.parse(running.getString("startsAt")).toInstant();
        Instant bClose = OffsetDateTime.parse(lapsing.getString("closesAt")).toInstant();

        moveTo(aStart.plus(Duration.ofMinutes(1)));
        assertEquals(201, bid(a, "supplier1", "49000.00").status());
        assertEquals(201, bid(a, "supplier2", "48000.00").status());
        assertEquals(201, bid(a, "supplier4", "47000.00").status());
        assertEquals("BID_NOT_BELOW_BEST", bid(a, "supplier1", "47000.00").code());
        moveTo(aStart.plus(Duration.ofMinutes(11)));
        assertEquals(201, bid(b, "supplier1", "49000.00").status());
        assertEquals(201, bid(b, "supplier2", "48500.00").status());
        assertEquals(201, bid(b, "supplier6", "48000.00").status());
        // three late bids on "running" extend its close three times: 10:00 → 10:15
        for (String[] late :
                new String[][] {
                    {"26", "supplier6", "46000.00"},
                    {"31", "supplier1", "45000.00"},
                    {"36", "supplier2", "44000.00"}
                }) {
            moveTo(aStart.plus(Duration.ofMinutes(Long.parseLong(late[0]))));
            Answer r = bid(a, late[1], late[2]);
            assertEquals(201, r.status(), r.body());
            assertTrue(r.json().getBoolean("extended"), r.body());
        }
        Instant aClose = aStart.plus(Duration.ofMinutes(45));
        moveTo(bClose.minusSeconds(20));
        JsonObject aBefore = monitor(a);
        JsonObject bBefore = monitor(b);
        assertEquals("OPEN", aBefore.getString("status"));
        assertEquals("OPEN", bBefore.getString("status"));
        assertEquals(aClose, OffsetDateTime.parse(aBefore.getString("closesAt")).toInstant());
        assertEquals(3, aBefore.getInt("extensions"));
        List<String> aRowsBefore = rows(a);
        List<String> bRowsBefore = rows(b);

        TestDomain.stop();
        TestDomain.start();

        // the offset of the test clock lived in the old JVM only; the auctions are still open
        Duration lost = Duration.between(Instant.now(), platformNow()).abs();
        assertTrue(
                lost.compareTo(Duration.ofMinutes(5)) < 0, "the test clock starts afresh: " + lost);
        assertEquals("OPEN", stateOf(b), "nothing closed the lapsing auction before the restart");
        // as if the server had been down until just past the lapsing auction's close
        moveTo(bClose.plusSeconds(2));

        // the lapsing auction, due while the server was down, is closed by the restarted one
        JsonObject bResult = closed(b).getJsonObject("result");
        assertEquals("AWARDED", bResult.getString("state"));
        assertEquals(
                0,
                new BigDecimal("48000.00")
                        .compareTo(bResult.getJsonNumber("winningAmount").bigDecimalValue()));
        assertFalse(
                OffsetDateTime.parse(bResult.getString("closedAt")).toInstant().isBefore(bClose));
        assertEquals(1, awards(b));
        assertEquals(bRowsBefore, rows(b));
        assertTrue(AuctionFixture.assertChain(b) > 0, "the bid log has entries");

        // the running one: every bid, the ladder, the best price, the extended close, the chain
        JsonObject aAfter = monitor(a);
        assertEquals("OPEN", aAfter.getString("status"));
        for (String field :
                List.of(
                        "bidCount",
                        "bestAmount",
                        "ladder",
                        "closesAt",
                        "scheduledClose",
                        "extensions")) {
            assertEquals(aBefore.get(field), aAfter.get(field), field);
        }
        assertEquals(aRowsBefore, rows(a));
        assertTrue(AuctionFixture.assertChain(a) > 0, "the bid log has entries");
        assertEquals(6, aAfter.getInt("bidCount"));

        // bidding goes on: below the best by the step is taken (no fourth extension), else refused
        Answer on = bid(a, "supplier4", "43000.00");
        assertEquals(201, on.status(), on.body());
        assertFalse(on.json().getBoolean("extended"));
        assertEquals(aClose, OffsetDateTime.parse(on.json().getString("closesAt")).toInstant());
        Answer notBelow = bid(a, "supplier6", "42900.00");
        assertEquals(422, notBelow.status(), notBelow.body());
        assertEquals("BID_NOT_BELOW_BEST", notBelow.code());
        String winner =
                check(get("/api/v1/auctions/" + a, supplier("supplier4"), null), 200, "me")
                        .getString("myAlias");

        moveTo(aClose.plus(Duration.ofMinutes(1)));
        JsonObject aResult = closed(a).getJsonObject("result");
        assertEquals("AWARDED", aResult.getString("state"));
        assertEquals(winner, aResult.getString("winnerAlias"));
        assertEquals(
                0,
                new BigDecimal("43000.00")
                        .compareTo(aResult.getJsonNumber("winningAmount").bigDecimalValue()));
        assertEquals(1, awards(a));

        // the closer sweeps on (two more sweeps at least): neither auction is closed again
        String aClosedAt = closedAt(a);
        String bClosedAt = closedAt(b);
        long sweeps = sweeps();
        TestDomain.await(Duration.ofSeconds(60), () -> sweeps() >= sweeps + 2, "two more sweeps");
        assertEquals(1, awards(a));
        assertEquals(1, awards(b));
        assertEquals(aClosedAt, closedAt(a));
        assertEquals(bClosedAt, closedAt(b));
        // the result stands even for a clock that lags the one that closed it (as a second
        // instance's might): back inside the auction's last minute, a bid is still refused
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
        moveTo(aClose.minus(Duration.ofMinutes(1)));
        Answer lagging = bid(a, "supplier1", "40000.00");
        assertEquals(409, lagging.status(), lagging.body());
        assertEquals("AUCTION_NOT_OPEN", lagging.code());
        assertEquals(7, number("SELECT count(*) FROM auction_bid WHERE auction_id = ?", a));
        assertEquals(1, awards(a));
        assertTrue(AuctionFixture.assertChain(a) > 0, "the bid log has entries");
    }

    // ---------------------------------------------------------------------------------------------

    /** A published auction (ceiling 50,000.00, step 250.00) starting then, with four enrolled. */
    private static JsonObject auction(ZonedDateTime enrolmentClose, ZonedDateTime start) {
        JsonObject plan =
                Procurement.approvedPlan(
                        token("purchaser1", DEMO_PASSWORD),
                        token("finance1", DEMO_PASSWORD),
                        "REVERSE_AUCTION",
                        null,
                        List.of(new Item("A02010105", "台式计算机", "10", "台", "5000.00")));
        String agency = token("agency1", DEMO_PASSWORD);
        JsonObject p =
                check(
                        TestServer.post(
                                "/api/v1/projects",
                                Procurement.projectBody(
                                        plan.getJsonNumber("id").longValue(),
                                        TestServer.unique("重启续拍台式计算机"),
                                        "REVERSE_AUCTION",
                                        enrolmentClose.toOffsetDateTime().toString(),
                                        start.toOffsetDateTime().toString()),
                                agency,
                                null),
                        201,
                        "open project");
        long pid = p.getJsonNumber("id").longValue();
        Procurement.upload(agency, pid, "采购文件.pdf");
        check(
                TestServer.post("/api/v1/projects/" + pid + "/publish", "", agency, null),
                200,
                "pub");
        for (String s : BIDDERS) {
            Answer e =
                    TestServer.post(
                            "/api/v1/projects/" + pid + "/lots/1/enrolment",
                            null,
                            token(s, DEMO_PASSWORD),
                            null);
            assertEquals(201, e.status(), e.body());
        }
        Answer list = get("/api/v1/auctions?project=" + pid, agency, null);
        assertEquals(200, list.status(), list.body());
        return Procurement.array(list.body()).getJsonObject(0);
    }

    private static Instant platformNow() {
        return OffsetDateTime.parse(
                        get("/api/v1/test-clock", token("admin", DEMO_PASSWORD), null)
                                .json()
                                .getString("now"))
                .toInstant();
    }

    /** Moves the server's clock forward to (within a second of) the instant. */
    private static void moveTo(Instant target) {
        long seconds = Duration.between(platformNow(), target).toSeconds();
        assertTrue(seconds > 0, "the clock only moves forward: " + seconds + " s to " + target);
        check(
                TestServer.post(
                        "/api/v1/test-clock",
                        "{\"seconds\":" + seconds + "}",
                        token("admin", DEMO_PASSWORD),
                        null),
                200,
                "clock");
    }

    /** A token issued at the platform's present time (one from before a move may have expired). */
    private static String supplier(String username) {
        return token(username, DEMO_PASSWORD);
    }

    private static Answer bid(long auctionId, String username, String amount) {
        return AuctionFixture.bid(auctionId, supplier(username), "\"" + amount + "\"", null);
    }

    private static JsonObject monitor(long id) {
        return check(
                get("/api/v1/auctions/" + id, token("agency1", DEMO_PASSWORD), null), 200, "v");
    }

    /** Waits (up to 60 s: the closer runs every 5 s on a loaded machine) for the result. */
    private static JsonObject closed(long id) {
        JsonObject[] seen = new JsonObject[1];
        TestDomain.await(
                Duration.ofSeconds(60),
                () -> {
                    seen[0] = monitor(id);
                    return seen[0].containsKey("result") && !seen[0].isNull("result");
                },
                "auction " + id + " closed by the closer");
        return seen[0];
    }

    /** The closer's completed sweeps on the running server, from the Prometheus metrics. */
    private static long sweeps() {
        Answer m = get("/metrics", null, null);
        assertEquals(200, m.status());
        Matcher x =
                Pattern.compile(
                                "(?m)^sunshine_auction_closer_sweeps_total\\w*\\{[^}]*outcome=\"done\"[^}]*\\}"
                                    + " ([0-9.Ee+]+)$")
                        .matcher(m.body());
        assertTrue(x.find(), "the sweep counter is published");
        return (long) Double.parseDouble(x.group(1));
    }

    private static long awards(long id) {
        return number(
                "SELECT count(*) FROM audit_entry WHERE action = 'AUCTION_AWARDED' AND object_id ="
                        + " CAST(? AS VARCHAR)",
                id);
    }

    private static String stateOf(long id) {
        return text("SELECT state FROM auction WHERE id = ?", id);
    }

    private static String closedAt(long id) {
        String at = text("SELECT closed_at FROM auction WHERE id = ?", id);
        assertNotNull(at);
        return at;
    }

    /** Every accepted bid and every log entry of the auction, as rows of text. */
    private static List<String> rows(long id) {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestServer.asApplication();
                PreparedStatement bids =
                        c.prepareStatement(
                                "SELECT seq, bidder_id, amount, accepted_at FROM auction_bid WHERE"
                                        + " auction_id = ? ORDER BY seq");
                PreparedStatement log =
                        c.prepareStatement(
                                "SELECT seq, alias, amount, outcome, hash FROM auction_log WHERE"
                                        + " auction_id = ? ORDER BY seq")) {
            for (PreparedStatement s : List.of(bids, log)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private static long number(String sql, long id) {
        return Long.parseLong(text(sql, id));
    }

    private static String text(String sql, long id) {
        try (Connection c = TestServer.asApplication();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
