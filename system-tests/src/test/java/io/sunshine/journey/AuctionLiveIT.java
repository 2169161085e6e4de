package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.AuctionFixture;
import io.sunshine.support.Browser;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The live auction (issue 5): the WebSocket feed as a supplier system and a monitor see it — who
 * may watch, what each may see, catching up after a reconnect, server time — and the auction hall
 * and monitor pages in three browsers, bids appearing live in the others without a reload.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuctionLiveIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> BIDDERS = List.of("supplier1", "supplier2", "supplier4");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @AfterEach
    void realTime() {
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    /** A watcher of the feed: every text message it receives, and how the socket ended. */
    private static final class Feed implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder part = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                try (JsonReader r = Json.createReader(new StringReader(part.toString()))) {
                    messages.add(r.readObject());
                }
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status);
            return null;
        }

        /** The next message that satisfies the condition (earlier ones are dropped). */
        JsonObject next(Predicate<JsonObject> wanted) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            try {
                while (System.nanoTime() < end) {
                    JsonObject m = messages.poll(1, TimeUnit.SECONDS);
                    if (m != null && wanted.test(m)) {
                        return m;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("no such message within 30 s");
        }

        JsonObject state(int bidCount) {
            return next(
                    m -> "state".equals(m.getString("type")) && m.getInt("bidCount") == bidCount);
        }
    }

    private static URI feedUri(long auctionId) {
        return URI.create(
                TestServer.BASE_URL.replaceFirst("^http", "ws") + "/ws/auctions/" + auctionId);
    }

    private static Feed watch(long auctionId, String token, String origin) {
        Feed f = new Feed();
        WebSocket.Builder b = HTTP.newWebSocketBuilder();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        f.socket = b.buildAsync(feedUri(auctionId), f).join();
        return f;
    }

    private static long deniedWatches(long auctionId) {
        try (Connection c = TestServer.asApplication();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT count(*) FROM audit_entry WHERE action = 'ACCESS_DENIED'"
                                        + " AND object_type = 'Auction' AND object_id = ?")) {
            s.setString(1, String.valueOf(auctionId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFeedTellsEachWatcherWhatItMaySeeLiveAndCatchesUpAfterAReconnect() {
        JsonObject a = AuctionFixture.auction(BIDDERS);
        long id = a.getJsonNumber("id").longValue();
        AuctionFixture.startPlus(a, Duration.ofMinutes(1));
        String agency = token("agency1", DEMO_PASSWORD);
        String s1 = token("supplier1", DEMO_PASSWORD);
        String s2 = token("supplier2", DEMO_PASSWORD);

        // who may not watch: nobody signed in, a bad token, another unit's purchaser, a foreign
        // page
        for (String bad : new String[] {null, "not-a-token"}) {
            CompletionException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            CompletionException.class, () -> watch(id, bad, null));
            assertTrue(e.getCause() instanceof WebSocketHandshakeException, e.toString());
            assertEquals(
                    401, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        }
        long deniedBefore = deniedWatches(id);
        Feed outsider = watch(id, token("purchaser2", DEMO_PASSWORD), null);
        assertEquals(1008, outsider.closed.orTimeout(30, TimeUnit.SECONDS).join());
        assertTrue(outsider.messages.isEmpty(), "an outsider is sent nothing");
        assertEquals(deniedBefore + 1, deniedWatches(id), "the refused watch is audited");
        Feed foreign = watch(id, s1, "https://evil.example");
        assertEquals(1008, foreign.closed.orTimeout(30, TimeUnit.SECONDS).join());

        // each watcher gets the state at once
        Feed monitor = watch(id, agency, null);
        Feed w1 = watch(id, s1, TestServer.BASE_URL);
        Feed w2 = watch(id, s2, null);
        JsonObject first = monitor.state(0);
        assertEquals(id, first.getJsonNumber("auction").longValue());
        assertEquals("OPEN", first.getString("status"));
        Instant serverTime = OffsetDateTime.parse(first.getString("serverTime")).toInstant();
        Instant start = OffsetDateTime.parse(a.getString("startsAt")).toInstant();
        assertTrue(
                !serverTime.isBefore(start.plusSeconds(50))
                        && serverTime.isBefore(start.plusSeconds(600)),
                "the feed runs on the server's clock, not this machine's: " + serverTime);
        w1.state(0);
        w2.state(0);

        // a bid reaches every watcher, each with its own view
        assertEquals(201, AuctionFixture.bid(id, s1, "\"49000.00\"", null).status());
        JsonObject m = monitor.state(1);
        assertEquals(1, m.getJsonArray("ladder").size());
        assertEquals(
                0,
                m.getJsonArray("ladder")
                        .getJsonObject(0)
                        .getJsonNumber("amount")
                        .bigDecimalValue()
                        .compareTo(new java.math.BigDecimal("49000")));
        assertNotNull(
                m.getJsonArray("ladder").getJsonObject(0).getString("supplier"),
                "the monitor sees names");
        assertNotNull(m.getString("lastBidAt"));
        JsonObject v1 = w1.state(1);
        assertEquals(1, v1.getInt("myRank"));
        assertTrue(v1.getJsonArray("ladder").isEmpty(), "a supplier never sees the ladder");
        assertEquals(1, v1.getJsonArray("myBids").size());
        JsonObject v2 = w2.state(1);
        assertEquals(0, v2.getInt("myRank"));
        assertTrue(v2.getJsonArray("myBids").isEmpty(), "nor another supplier's bids");
        assertEquals(
                0,
                v2.getJsonNumber("bestAmount")
                        .bigDecimalValue()
                        .compareTo(new java.math.BigDecimal("49000")));
        assertFalse(v2.toString().contains("supplier\":\""), "no supplier name: " + v2);

        assertEquals(201, AuctionFixture.bid(id, s2, "\"48750.00\"", null).status());
        assertEquals(2, w1.state(2).getInt("myRank"), "the overtaken bidder learns it live");
        assertEquals(1, w2.state(2).getInt("myRank"));
        monitor.state(2);

        // a client that lost its connection is right again with the first message
        w2.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        assertEquals(201, AuctionFixture.bid(id, s1, "\"48500.00\"", null).status());
        monitor.state(3);
        Feed again = watch(id, s2, null);
        JsonObject caught = again.next(x -> "state".equals(x.getString("type")));
        assertEquals(3, caught.getInt("bidCount"));
        assertEquals(2, caught.getInt("myRank"));

        // the round trip that keeps a page's countdown on server time
        again.socket.sendText("{\"type\":\"sync\",\"t0\":1234567}", true).join();
        JsonObject sync = again.next(x -> "sync".equals(x.getString("type")));
        assertEquals(1234567, sync.getJsonNumber("t0").longValue());
        assertTrue(OffsetDateTime.parse(sync.getString("serverTime")).toInstant().isAfter(start));

        // the close reaches everyone, with the result
        AuctionFixture.startPlus(a, Duration.ofMinutes(31));
        JsonObject end =
                monitor.next(
                        x ->
                                "state".equals(x.getString("type"))
                                        && x.containsKey("result")
                                        && !x.isNull("result"));
        assertEquals("AWARDED", end.getString("status"));
        JsonObject r1 = w1.next(x -> "state".equals(x.getString("type")) && !x.isNull("result"));
        assertEquals("AWARDED", r1.getJsonObject("result").getString("state"));
        assertEquals(r1.getString("myAlias"), r1.getJsonObject("result").getString("winnerAlias"));
        for (Feed f : List.of(monitor, w1, again)) {
            f.socket.abort();
        }
    }

    @Test
    void twoSuppliersAndTheAgencysMonitorSeeBidsLiveInThreeBrowsers() {
        JsonObject a = AuctionFixture.auction(BIDDERS);
        long id = a.getJsonNumber("id").longValue();
        AuctionFixture.startPlus(a, Duration.ofMinutes(2));
        try (Browser agency = new Browser();
                Browser one = new Browser();
                Browser two = new Browser()) {
            agency.signIn("agency1", DEMO_PASSWORD);
            agency.open("/procurement/project.xhtml?id=" + a.getJsonNumber("projectId"));
            agency.waiting()
                    .until(ExpectedConditions.elementToBeClickable(By.partialLinkText("竞价监控")))
                    .click();
            agency.waitForPage();
            live(agency);

            one.signIn("supplier1", DEMO_PASSWORD);
            one.open("/supplier/project.xhtml?id=" + a.getJsonNumber("projectId"));
            one.waiting()
                    .until(ExpectedConditions.elementToBeClickable(By.partialLinkText("进入竞价大厅")))
                    .click();
            one.waitForPage();
            live(one);
            two.signIn("supplier2", DEMO_PASSWORD);
            two.open("/supplier/auction.xhtml?id=" + id);
            live(two);

            // the countdown runs on the server's (moved) clock: 28 minutes and some seconds left
            String left = one.driver.findElement(By.id("countdown")).getText();
            assertTrue(left.startsWith("00:27:") || left.startsWith("00:28:"), "countdown " + left);
            assertTrue(one.driver.findElement(By.id("rules")).getText().contains("50,000.00"));

            bidOnPage(one, "49000.00");
            waitForText(agency, "bidCount", "1");
            waitForText(two, "bestAmount", "49,000.00");
            waitForText(one, "myRank", "1");
            assertTrue(agency.driver.findElement(By.id("ladder")).getText().contains("49,000.00"));

            bidOnPage(two, "48750.00");
            waitForText(one, "myRank", "2");
            waitForText(one, "bestAmount", "48,750.00");
            waitForText(agency, "bidCount", "2");
            assertTrue(two.driver.findElement(By.id("myBidTable")).getText().contains("48,750.00"));

            // a bid that does not undercut is refused on the page with the reason
            bidOnPage(one, "48600.00");
            one.waiting()
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.id("bidForm:bidMessages"), "48500.00"));
            waitForText(agency, "bidCount", "2");

            one.screenshot("auction-hall-supplier1");
            two.screenshot("auction-hall-supplier2");
            agency.screenshot("auction-monitor-agency");
            String ladder = agency.driver.findElement(By.id("ladder")).getText();
            assertTrue(ladder.indexOf("48,750.00") < ladder.indexOf("49,000.00"), ladder);

            // the close arrives on every page without a reload
            AuctionFixture.startPlus(a, Duration.ofMinutes(31));
            for (Browser b : List.of(agency, one, two)) {
                b.waiting()
                        .withTimeout(Duration.ofSeconds(45))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            }
            assertTrue(two.driver.findElement(By.id("result")).getText().contains("48,750.00"));
            agency.screenshot("auction-monitor-closed");
        }
    }

    private static void live(Browser b) {
        b.waiting()
                .until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    }

    private static void waitForText(Browser b, String id, String text) {
        b.waiting()
                .withTimeout(Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id(id), text));
    }

    private static void bidOnPage(Browser b, String amount) {
        WebElement input = b.driver.findElement(By.id("bidForm:amount"));
        input.clear();
        input.sendKeys(amount);
        b.clickWhenSteady(By.id("bidForm:submitBid"));
        b.waitForPage();
    }
}
