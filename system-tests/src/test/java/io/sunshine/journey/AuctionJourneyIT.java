package io.sunshine.journey;

import static io.sunshine.support.Procurement.check;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.AuctionFixture;
import io.sunshine.support.Procurement;
import io.sunshine.support.RealEar;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reverse-auction engine over REST against the real EAR on PostgreSQL (issue 5, first
 * increment): hostile amounts and every rule refused with its code, logged and audited, nothing
 * changed; the decrement to the cent; server time at the close; an idempotent retry; many bids at
 * once leaving a strictly decreasing best price, no lost or doubled bid and an unbroken hash chain;
 * what a supplier and the agency's monitor may see. Time is moved on the test server's clock.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuctionJourneyIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> BIDDERS =
            List.of("supplier1", "supplier2", "supplier4", "supplier6");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @AfterEach
    void realTime() {
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    private static JsonObject auction() {
        return AuctionFixture.auction(BIDDERS);
    }

    private static void startPlus(JsonObject auction, Duration offset) {
        AuctionFixture.startPlus(auction, offset);
    }

    private static Answer bid(long auctionId, String token, String amountJson, String key) {
        return AuctionFixture.bid(auctionId, token, amountJson, key);
    }

    private static long count(String sql, long id) {
        try (Connection c = TestServer.asApplication();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void hostileAmountsAndBrokenRulesAreRefusedWithTheirCodesLoggedAndChangeNothing() {
        JsonObject a = auction();
        long id = a.getJsonNumber("id").longValue();
        assertEquals(
                "250.00", a.getJsonNumber("step").bigDecimalValue().setScale(2).toPlainString());
        String s1 = token("supplier1", DEMO_PASSWORD);
        // before the start
        assertEquals("AUCTION_NOT_OPEN", bid(id, s1, "\"49000.00\"", null).code());
        startPlus(a, Duration.ofMinutes(1));
        s1 = token("supplier1", DEMO_PASSWORD);
        for (String hostile :
                List.of(
                        "\"-1\"",
                        "\"0\"",
                        "\"100.001\"",
                        "1e309",
                        "\"1e309\"",
                        "\"NaN\"",
                        "\"41e1000000\"",
                        "\"１２３\"",
                        "\"12345678901234567890\"",
                        "\"\"",
                        "null")) {
            Answer r = bid(id, s1, hostile, null);
            assertEquals(4, r.status() / 100, hostile + " → " + r.body());
            assertTrue(
                    List.of("AMOUNT_INVALID", "AMOUNT_NEGATIVE", "AMOUNT_TOO_LARGE")
                            .contains(r.code()),
                    hostile + " → " + r.body());
        }
        assertEquals("BID_ABOVE_CEILING", bid(id, s1, "\"50000.01\"", null).code());
        assertEquals(0, count("SELECT bid_count FROM auction WHERE id = ?", id));
        assertEquals(0, count("SELECT count(*) FROM auction_bid WHERE auction_id = ?", id));

        Answer first = bid(id, s1, "\"49000.00\"", null);
        assertEquals(201, first.status(), first.body());
        assertEquals(1, first.json().getInt("rank"));
        String s2 = token("supplier2", DEMO_PASSWORD);
        Answer oneCentShort = bid(id, s2, "\"48750.01\"", null);
        assertEquals("BID_NOT_BELOW_BEST", oneCentShort.code());
        assertTrue(
                oneCentShort.json().getString("detail").contains("48750.00"), oneCentShort.body());
        assertEquals("BID_NOT_BELOW_BEST", bid(id, s2, "\"49000.00\"", null).code());
        assertEquals(201, bid(id, s2, "\"48750.00\"", null).status());

        // not enrolled, a purchaser, another supplier's view
        Answer outsider = bid(id, token("supplier5", DEMO_PASSWORD), "\"40000.00\"", null);
        assertEquals(403, outsider.status(), outsider.body());
        assertEquals("BIDDER_NOT_QUALIFIED", outsider.code());
        assertEquals(
                403, bid(id, token("purchaser1", DEMO_PASSWORD), "\"40000.00\"", null).status());
        JsonObject seen = check(get("/api/v1/auctions/" + id, s1, null), 200, "supplier view");
        assertEquals(2, seen.getInt("myRank"));
        assertTrue(seen.getString("myAlias").startsWith("供应商"));
        assertEquals(1, seen.getJsonArray("myBids").size());
        assertEquals(0, seen.getJsonArray("ladder").size(), "no names, no other bids");
        JsonObject monitor =
                check(
                        get("/api/v1/auctions/" + id, token("agency1", DEMO_PASSWORD), null),
                        200,
                        "monitor");
        assertEquals(2, monitor.getJsonArray("ladder").size());
        assertTrue(
                monitor.getJsonArray("ladder")
                        .getJsonObject(0)
                        .getString("supplier")
                        .contains("公司"));

        // every refusal is in the log and the audit trail; the accepted ones too, chained
        assertEquals(2, count("SELECT count(*) FROM auction_bid WHERE auction_id = ?", id));
        long refusedLogged =
                count(
                        "SELECT count(*) FROM auction_log WHERE auction_id = ? AND outcome <>"
                                + " 'ACCEPTED'",
                        id);
        assertTrue(refusedLogged >= 16, "refusals logged: " + refusedLogged);
        AuctionFixture.assertChain(id);

        // one millisecond after the close is too late, whatever the client thinks
        startPlus(a, Duration.ofMinutes(31));
        Answer late = bid(id, token("supplier4", DEMO_PASSWORD), "\"40000.00\"", null);
        assertEquals("AUCTION_NOT_OPEN", late.code(), late.body());

        // two of four qualified suppliers bid: fewer than the minimum of three, the auction fails
        JsonObject result =
                AuctionFixture.closed(id, Duration.ofSeconds(30)).getJsonObject("result");
        assertEquals("FAILED", result.getString("state"));
        assertEquals(4, result.getInt("qualified"));
        assertEquals(3, result.getInt("minimum"));
    }

    @Test
    void aLateBidExtendsTheCloseAndTheLowestBidWinsWithItsSaving() {
        JsonObject a = auction();
        long id = a.getJsonNumber("id").longValue();
        startPlus(a, Duration.ofMinutes(1));
        assertEquals(
                201, bid(id, token("supplier1", DEMO_PASSWORD), "\"49000.00\"", null).status());
        assertEquals(
                201, bid(id, token("supplier2", DEMO_PASSWORD), "\"48000.00\"", null).status());
        assertEquals(
                201, bid(id, token("supplier6", DEMO_PASSWORD), "\"47000.00\"", null).status());
        // 27 minutes in: inside the last 5 minutes, the close moves 5 minutes
        startPlus(a, Duration.ofMinutes(27));
        String s4 = token("supplier4", DEMO_PASSWORD);
        Answer sniping = bid(id, s4, "\"45000.00\"", null);
        assertEquals(201, sniping.status(), sniping.body());
        assertTrue(sniping.json().getBoolean("extended"));
        Instant start = OffsetDateTime.parse(a.getString("startsAt")).toInstant();
        assertEquals(
                start.plus(Duration.ofMinutes(35)),
                OffsetDateTime.parse(sniping.json().getString("closesAt")).toInstant());
        // 31 minutes in: the scheduled close has passed but the extended one has not
        startPlus(a, Duration.ofMinutes(31));
        assertEquals(
                201, bid(id, token("supplier2", DEMO_PASSWORD), "\"44000.00\"", null).status());
        String alias =
                check(
                                get(
                                        "/api/v1/auctions/" + id,
                                        token("supplier2", DEMO_PASSWORD),
                                        null),
                                200,
                                "mine")
                        .getString("myAlias");
        startPlus(a, Duration.ofMinutes(41));
        JsonObject result =
                AuctionFixture.closed(id, Duration.ofSeconds(30)).getJsonObject("result");
        assertEquals("AWARDED", result.getString("state"));
        assertEquals(alias, result.getString("winnerAlias"));
        assertEquals(
                0,
                new BigDecimal("44000.00")
                        .compareTo(result.getJsonNumber("winningAmount").bigDecimalValue()));
        assertEquals(
                0,
                new BigDecimal("6000.00")
                        .compareTo(result.getJsonNumber("saving").bigDecimalValue()));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'AUCTION_AWARDED' AND"
                                + " object_id = CAST(? AS VARCHAR)",
                        id));
    }

    @Test
    void aRetryWithTheSameKeyIsNotASecondBid() {
        JsonObject a = auction();
        long id = a.getJsonNumber("id").longValue();
        // supplier5 enrols here only (elsewhere it is the outsider, refused before any listing
        // check)
        Answer enrolled =
                TestServer.post(
                        "/api/v1/projects/"
                                + a.getJsonNumber("projectId").longValue()
                                + "/lots/1/enrolment",
                        null,
                        token("supplier5", DEMO_PASSWORD),
                        null);
        assertEquals(201, enrolled.status(), enrolled.body());
        startPlus(a, Duration.ofMinutes(2));
        String s1 = token("supplier1", DEMO_PASSWORD);
        Answer once = bid(id, s1, "\"45000.00\"", "retry-key-1");
        Answer again = bid(id, s1, "\"45000.00\"", "retry-key-1");
        assertEquals(201, once.status(), once.body());
        assertEquals(200, again.status(), again.body());
        assertEquals(once.json().getInt("seq"), again.json().getInt("seq"));
        assertTrue(again.json().getBoolean("repeated"));
        assertEquals(1, count("SELECT count(*) FROM auction_bid WHERE auction_id = ?", id));

        // a supplier listed for bad conduct during the auction is refused from that moment
        String supervisor = token("supervisor1", DEMO_PASSWORD);
        String admin = token("admin", DEMO_PASSWORD);
        LocalDate today =
                OffsetDateTime.parse(get("/api/v1/test-clock", admin, null).json().getString("now"))
                        .atZoneSameInstant(Procurement.SHANGHAI)
                        .toLocalDate();
        long supplier5 =
                check(get("/api/v1/auth/me", token("supplier5", DEMO_PASSWORD), null), 200, "me")
                        .getJsonNumber("organisationId")
                        .longValue();
        JsonObject entry =
                check(
                        TestServer.post(
                                "/api/v1/bad-conduct",
                                jakarta.json.Json.createObjectBuilder()
                                        .add("supplierId", supplier5)
                                        .add("decisionReference", TestServer.unique("滨财购罚〔2026〕"))
                                        .add("reason", "提供虚假材料谋取成交")
                                        .add("startsOn", today.toString())
                                        .add("endsOn", today.plusYears(1).minusDays(1).toString())
                                        .build()
                                        .toString(),
                                supervisor,
                                null),
                        201,
                        "list supplier5");
        Answer barred = bid(id, token("supplier5", DEMO_PASSWORD), "\"40000.00\"", null);
        assertEquals(403, barred.status(), barred.body());
        assertEquals("BIDDER_BLACKLISTED", barred.code());
        assertEquals(1, count("SELECT count(*) FROM auction_bid WHERE auction_id = ?", id));
        check(
                TestServer.post(
                        "/api/v1/bad-conduct/" + entry.getJsonNumber("id").longValue() + "/lift",
                        "{\"reason\":\"测试结束，撤销\"}",
                        supervisor,
                        null),
                200,
                "lift");
    }

    @Test
    void manyBidsAtOnceLeaveAStrictlyFallingBestPriceAndNoLostOrDoubledBid() throws Exception {
        JsonObject a = auction();
        long id = a.getJsonNumber("id").longValue();
        startPlus(a, Duration.ofMinutes(1));
        List<String> tokens = BIDDERS.stream().map(s -> token(s, DEMO_PASSWORD)).toList();
        int threads = 24;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String t = tokens.get(i % tokens.size());
            senders.add(BIDDERS.get(i % tokens.size()));
            // amounts from 49,900 down in steps of 300 (more than the 250 decrement), shuffled by
            // thread
            String amount =
                    new BigDecimal(49900 - 300 * ((i * 7) % threads)).setScale(2).toPlainString();
            Callable<Answer> c =
                    () -> {
                        go.await();
                        return bid(id, t, "\"" + amount + "\"", "k-" + amount);
                    };
            answers.add(pool.submit(c));
        }
        go.countDown();
        int accepted = 0;
        Map<String, Long> refusedBy = new TreeMap<>();
        for (int i = 0; i < threads; i++) {
            Answer r = answers.get(i).get();
            if (r.status() == 201) {
                accepted++;
            } else {
                assertEquals("BID_NOT_BELOW_BEST", r.code(), r.body());
                refusedBy.merge(senders.get(i), 1L, Long::sum);
            }
        }
        pool.shutdown();
        assertTrue(accepted >= 1);
        // every refusal is in the audit trail under the name of the supplier who was refused
        // (bids are decided in batches, by whichever bidder's thread leads the batch)
        Map<String, Long> audited = new TreeMap<>();
        try (Connection c = TestServer.asApplication();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT actor, count(*) FROM audit_entry WHERE action ="
                                        + " 'BID_REFUSED' AND object_type = 'Auction' AND object_id"
                                        + " = ? GROUP BY actor")) {
            s.setString(1, String.valueOf(id));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    audited.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        assertEquals(refusedBy, audited);
        // the database: as many rows as 201s, seq 1..n, each bid at least one step below the one
        // before
        assertEquals(accepted, count("SELECT count(*) FROM auction_bid WHERE auction_id = ?", id));
        assertEquals(accepted, count("SELECT bid_count FROM auction WHERE id = ?", id));
        List<BigDecimal> amounts = new ArrayList<>();
        try (Connection c = TestServer.asApplication();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT seq, amount FROM auction_bid WHERE auction_id = ? ORDER BY"
                                        + " seq")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                int expected = 1;
                while (rs.next()) {
                    assertEquals(expected++, rs.getInt(1));
                    amounts.add(rs.getBigDecimal(2));
                }
            }
        }
        for (int i = 1; i < amounts.size(); i++) {
            assertTrue(
                    amounts.get(i).compareTo(amounts.get(i - 1).subtract(new BigDecimal("250.00")))
                            <= 0,
                    amounts.toString());
        }
        assertEquals(threads, count("SELECT count(*) FROM auction_log WHERE auction_id = ?", id));
        AuctionFixture.assertChain(id);
        JsonObject view =
                check(
                        get("/api/v1/auctions/" + id, token("agency1", DEMO_PASSWORD), null),
                        200,
                        "monitor");
        assertEquals(
                0,
                amounts.get(amounts.size() - 1)
                        .compareTo(view.getJsonNumber("bestAmount").bigDecimalValue()));
    }

    @Test
    void theSameClientKeySentManyTimesAtOnceMakesOneBid() throws Exception {
        JsonObject a = auction();
        long id = a.getJsonNumber("id").longValue();
        startPlus(a, Duration.ofMinutes(1));
        String s1 = token("supplier1", DEMO_PASSWORD);
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(
                    pool.submit(
                            () -> {
                                go.await();
                                return bid(id, s1, "\"48000.00\"", "storm-key");
                            }));
        }
        go.countDown();
        int created = 0;
        Set<Integer> seqs = new HashSet<>();
        for (Future<Answer> f : answers) {
            Answer r = f.get();
            assertTrue(r.status() == 201 || r.status() == 200, r.body());
            if (r.status() == 201) {
                created++;
            } else {
                assertTrue(r.json().getBoolean("repeated"), r.body());
            }
            seqs.add(r.json().getInt("seq"));
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(Set.of(1), seqs);
        assertEquals(1, count("SELECT count(*) FROM auction_bid WHERE auction_id = ?", id));
        assertEquals(1, count("SELECT count(*) FROM auction_log WHERE auction_id = ?", id));
    }
}
