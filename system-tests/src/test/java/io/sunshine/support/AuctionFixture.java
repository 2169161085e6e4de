package io.sunshine.support;

import static io.sunshine.support.Procurement.check;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sunshine.procurement.auction.control.BidChain;
import io.sunshine.support.Procurement.Item;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Published reverse auctions with enrolled suppliers, the test server's clock, and bids. */
public final class AuctionFixture {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AuctionFixture() {}

    /**
     * A published auction of 10 desktops (ceiling 50,000.00, step 250.00) by agency1 for
     * purchaser1's unit, with these suppliers enrolled in its one lot; its view as the agency sees
     * it.
     */
    public static JsonObject auction(List<String> bidders) {
        return auction("台式计算机网上竞价", bidders);
    }

    /** The same with a title of its own (made unique). */
    public static JsonObject auction(String title, List<String> bidders) {
        JsonObject plan =
                Procurement.approvedPlan(
                        token("purchaser1", DEMO_PASSWORD),
                        token("finance1", DEMO_PASSWORD),
                        "REVERSE_AUCTION",
                        null,
                        List.of(new Item("A02010105", "台式计算机", "10", "台", "5000.00")));
        String agency = token("agency1", DEMO_PASSWORD);
        JsonObject p =
                Procurement.published(
                        agency,
                        plan.getJsonNumber("id").longValue(),
                        TestServer.unique(title),
                        "REVERSE_AUCTION",
                        Procurement.deadlineIn(12));
        long pid = p.getJsonNumber("id").longValue();
        for (String s : bidders) {
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

    /**
     * Moves the server's clock to {@code offset} after the auction's start. Tokens live 8 hours of
     * platform time: sign in again after a move.
     */
    public static void startPlus(JsonObject auction, Duration offset) {
        String admin = token("admin", DEMO_PASSWORD);
        Instant start = OffsetDateTime.parse(auction.getString("startsAt")).toInstant();
        Instant now =
                OffsetDateTime.parse(get("/api/v1/test-clock", admin, null).json().getString("now"))
                        .toInstant();
        long seconds = Duration.between(now, start.plus(offset)).toSeconds();
        check(
                TestServer.post("/api/v1/test-clock", "{\"seconds\":" + seconds + "}", admin, null),
                200,
                "clock");
    }

    /** A bid with the amount as raw JSON ({@code "\"98.00\""}, {@code 1e309}, …). */
    public static Answer bid(long auctionId, String token, String amountJson, String key) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(
                                URI.create(
                                        TestServer.BASE_URL
                                                + "/api/v1/auctions/"
                                                + auctionId
                                                + "/bids"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "zh-CN")
                        .timeout(Duration.ofSeconds(60))
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"amount\":" + amountJson + "}"));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The auction as its agency sees it once the closer (every 5 s) has closed it: waits up to the
     * given time, polling every half second.
     */
    public static JsonObject closed(long id, Duration within) {
        String agency = token("agency1", DEMO_PASSWORD);
        return new org.openqa.selenium.support.ui.FluentWait<>(id)
                .withTimeout(within)
                .pollingEvery(Duration.ofMillis(500))
                .withMessage("auction " + id + " closed by the closer")
                .until(
                        a -> {
                            JsonObject v =
                                    check(
                                            get("/api/v1/auctions/" + a, agency, null),
                                            200,
                                            "monitor");
                            return v.containsKey("result") && !v.isNull("result") ? v : null;
                        });
    }

    /**
     * Recomputes the auction's bid log chain from its database rows: unbroken, and its last hash
     * the one the auction row keeps (the genesis when the log is empty).
     *
     * @return how many entries the log has
     */
    public static int assertChain(long id) {
        List<BidChain.Entry> entries = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        String head;
        try (Connection c = TestServer.asApplication();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT seq, logged_at, alias, amount, outcome, hash FROM"
                                        + " auction_log WHERE auction_id = ? ORDER BY seq");
                PreparedStatement h =
                        c.prepareStatement("SELECT last_hash FROM auction WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(
                            new BidChain.Entry(
                                    rs.getLong(1),
                                    rs.getObject(2, OffsetDateTime.class).toInstant().toString(),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5)));
                    hashes.add(rs.getString(6));
                }
            }
            h.setLong(1, id);
            try (ResultSet rs = h.executeQuery()) {
                rs.next();
                head = rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(0, BidChain.firstBroken(entries, hashes), "the bid log's chain is unbroken");
        assertEquals(hashes.isEmpty() ? BidChain.GENESIS : hashes.get(hashes.size() - 1), head);
        return entries.size();
    }
}
