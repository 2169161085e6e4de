package io.sunshine.journey;

import static io.sunshine.support.Procurement.check;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.procurement.auction.control.BidChain;
import io.sunshine.support.AuctionFixture;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auction's audit document (竞价过程审计文件) against the real EAR on PostgreSQL: made once at the
 * close, awarded or failed; the PDF read back by poppler's {@code pdftotext} holds every bid,
 * accepted or refused, with its alias, amount and outcome, and the final hash; the chain recomputed
 * by a client from {@code /log} ends in the same hash; the server's verification says intact, and
 * after a superuser alters a log row behind the triggers' back it names that row. Only monitors may
 * read any of it; the database refuses UPDATE and DELETE on the bids and the log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuctionAuditIT {
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

    /** A published auction of 10 desktops (ceiling 50,000.00, step 250.00) with four enrolled. */
    private static JsonObject auction() {
        return AuctionFixture.auction(BIDDERS);
    }

    private static void startPlus(JsonObject auction, Duration offset) {
        AuctionFixture.startPlus(auction, offset);
    }

    private static String pdfPath(long id) {
        return "/api/v1/auctions/" + id + "/audit.pdf";
    }

    /** The text of a PDF as poppler's pdftotext -layout reads it. */
    private static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Path txt = pdf.resolveSibling(pdf.getFileName() + ".txt");
        Process p =
                new ProcessBuilder("pdftotext", "-layout", pdf.toString(), txt.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdftotext finished");
        assertEquals(0, p.exitValue(), "pdftotext: " + out);
        return Files.readString(txt, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long count(String sql, Object... args) {
        try (Connection c = TestServer.asApplication();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(String sql, long id) {
        try (Connection c = TestServer.asApplication();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theClosedAuctionsAuditDocumentHoldsEveryBidAndItsChainVerifiesUntilARowIsAltered()
            throws Exception {
        JsonObject a = auction();
        long id = a.getJsonNumber("id").longValue();
        String agency = token("agency1", DEMO_PASSWORD);

        // before the start and while it runs, there is no document yet
        Answer early = get(pdfPath(id), agency, "zh-CN");
        assertEquals(409, early.status(), early.body());
        assertEquals("AUCTION_AUDIT_NOT_READY", early.code());
        assertTrue(early.contentType().startsWith("application/problem+json"), early.contentType());
        assertTrue(early.json().getString("detail").contains("竞价过程记录"), early.body());
        assertEquals(
                "AUCTION_AUDIT_NOT_READY", get(pdfPath(id), agency, "en").code(), "in English too");

        startPlus(a, Duration.ofMinutes(1));
        assertEquals(
                201,
                AuctionFixture.bid(id, token("supplier1", DEMO_PASSWORD), "\"49000.00\"", null)
                        .status());
        assertEquals(
                "BID_NOT_BELOW_BEST",
                AuctionFixture.bid(id, token("supplier2", DEMO_PASSWORD), "\"48750.01\"", null)
                        .code());
        assertEquals(
                201,
                AuctionFixture.bid(id, token("supplier2", DEMO_PASSWORD), "\"48000.00\"", null)
                        .status());
        assertEquals(
                "BID_ABOVE_CEILING",
                AuctionFixture.bid(id, token("supplier6", DEMO_PASSWORD), "\"50000.01\"", null)
                        .code());
        assertEquals(
                201,
                AuctionFixture.bid(id, token("supplier6", DEMO_PASSWORD), "\"47000.00\"", null)
                        .status());
        assertEquals(
                "AMOUNT_INVALID",
                AuctionFixture.bid(id, token("supplier4", DEMO_PASSWORD), "\"四万六\"", null).code());
        assertEquals(
                201,
                AuctionFixture.bid(id, token("supplier4", DEMO_PASSWORD), "\"46000.00\"", null)
                        .status());
        assertEquals(
                "BIDDER_NOT_QUALIFIED",
                AuctionFixture.bid(id, token("supplier5", DEMO_PASSWORD), "\"45000.00\"", null)
                        .code());
        // tokens are issued on the platform clock, which has moved: sign in again
        agency = token("agency1", DEMO_PASSWORD);
        assertEquals(409, get(pdfPath(id), agency, null).status(), "still running");

        startPlus(a, Duration.ofMinutes(31));
        JsonObject result =
                AuctionFixture.closed(id, Duration.ofSeconds(30)).getJsonObject("result");
        agency = token("agency1", DEMO_PASSWORD);
        assertEquals("AWARDED", result.getString("state"));
        String winner = result.getString("winnerAlias");

        // the document: application/pdf, its SHA-256 as recorded on the auction
        HttpResponse<byte[]> pdf = TestServer.download(pdfPath(id), agency, null);
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String sha = sha256(pdf.body());
        assertEquals(sha, pdf.headers().firstValue("X-Content-SHA256").orElse(""));
        assertEquals(sha, text("SELECT audit_sha256 FROM auction WHERE id = ?", id));
        Path dir = Path.of("target", "auction-audit");
        Files.createDirectories(dir);
        Path file = dir.resolve("auction-" + id + ".pdf");
        Files.write(file, pdf.body());

        // the log as a client gets it, and the chain recomputed from it
        JsonObject log = check(get("/api/v1/auctions/" + id + "/log", agency, null), 200, "log");
        assertEquals(BidChain.GENESIS, log.getString("genesis"));
        JsonArray entries = log.getJsonArray("entries");
        assertEquals(8, entries.size(), log.toString());
        String previous = log.getString("genesis");
        List<BidChain.Entry> chain = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (JsonObject e : entries.getValuesAs(JsonObject.class)) {
            BidChain.Entry entry =
                    new BidChain.Entry(
                            e.getInt("seq"),
                            e.getString("at"),
                            e.getString("alias"),
                            e.getString("amount"),
                            e.getString("outcome"));
            assertEquals(BidChain.hash(previous, entry), e.getString("hash"), e.toString());
            previous = e.getString("hash");
            chain.add(entry);
            hashes.add(previous);
        }
        assertEquals(0, BidChain.firstBroken(chain, hashes));
        String lastHash = previous;
        assertEquals(lastHash, log.getString("lastHash"));
        assertEquals(
                List.of(
                        "ACCEPTED",
                        "BID_NOT_BELOW_BEST",
                        "ACCEPTED",
                        "BID_ABOVE_CEILING",
                        "ACCEPTED",
                        "AMOUNT_INVALID",
                        "ACCEPTED",
                        "BIDDER_NOT_QUALIFIED"),
                entries.getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("outcome"))
                        .toList());

        // pdftotext finds every entry (seq, alias, amount, outcome on one line), its hash, the
        // result and the chain's ends
        String text = pdftotext(file);
        List<String> lines = text.lines().toList();
        String dense = text.replaceAll("\\s+", "");
        for (JsonObject e : entries.getValuesAs(JsonObject.class)) {
            String outcome =
                    "ACCEPTED".equals(e.getString("outcome"))
                            ? "接受"
                            : "拒绝 " + e.getString("outcome");
            boolean found =
                    lines.stream()
                            .anyMatch(
                                    l ->
                                            l.strip().startsWith(e.getInt("seq") + " ")
                                                    && l.contains(e.getString("alias"))
                                                    && l.contains(e.getString("amount"))
                                                    && l.contains(outcome));
            assertTrue(found, "entry " + e + " in the PDF text:\n" + text);
            assertTrue(text.contains(e.getString("hash")), "hash of entry " + e.getInt("seq"));
        }
        for (String label :
                List.of(
                        "网上竞价过程记录",
                        a.getString("projectReference"),
                        "最高限价",
                        "50,000.00 元",
                        "成交供应商",
                        winner,
                        "46,000.00 元",
                        "4,000.00 元（较最高限价降低 8.00%）",
                        "起始哈希",
                        BidChain.GENESIS,
                        "最终哈希",
                        "验证方法",
                        "第 1 页 共 ",
                        "竞价编号 " + id)) {
            // pdftotext -layout drops the spaces between Chinese and Latin text: compare without
            assertTrue(
                    dense.contains(label.replaceAll("\\s+", "")),
                    "missing " + label + ":\n" + text);
        }
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("最终哈希") && l.contains(lastHash)),
                "the final hash: " + lastHash);

        // page 1 as a picture, for a person to look at
        Path shots = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        Process png =
                new ProcessBuilder(
                                "pdftoppm",
                                "-png",
                                "-r",
                                "80",
                                "-f",
                                "1",
                                "-l",
                                "1",
                                "-singlefile",
                                file.toString(),
                                shots.resolve("auction-audit-p1").toString())
                        .redirectErrorStream(true)
                        .start();
        png.getInputStream().readAllBytes();
        assertTrue(png.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, png.exitValue());
        assertTrue(Files.size(shots.resolve("auction-audit-p1.png")) > 10_000);

        // the server's verification: intact, the same last hash, the document as recorded
        JsonObject verified =
                check(
                        get(
                                "/api/v1/auctions/" + id + "/log/verification",
                                token("supervisor1", DEMO_PASSWORD),
                                null),
                        200,
                        "verification");
        assertTrue(verified.getBoolean("intact"), verified.toString());
        assertEquals(8, verified.getInt("entries"));
        assertEquals(lastHash, verified.getString("lastHash"));
        assertTrue(verified.isNull("brokenAt"), verified.toString());
        assertEquals(sha, verified.getString("documentSha256"));
        assertTrue(verified.getBoolean("documentIntact"));

        // the buyer and FINANCE monitor it too
        assertEquals(
                200,
                TestServer.download(pdfPath(id), token("purchaser1", DEMO_PASSWORD), null)
                        .statusCode());
        assertEquals(
                200,
                get("/api/v1/auctions/" + id + "/log", token("finance1", DEMO_PASSWORD), null)
                        .status());

        // a supplier (even one that bid) and another agency are told "not found", and audited
        long refusalsBefore =
                count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'ACCESS_DENIED' AND"
                                + " object_type = 'Auction' AND object_id = ?",
                        String.valueOf(id));
        String supplier = token("supplier1", DEMO_PASSWORD);
        for (String path :
                List.of(
                        pdfPath(id),
                        "/api/v1/auctions/" + id + "/log",
                        "/api/v1/auctions/" + id + "/log/verification")) {
            Answer refused = get(path, supplier, null);
            assertEquals(404, refused.status(), path + " → " + refused.body());
            assertEquals("AUCTION_NOT_FOUND", refused.code());
        }
        Answer other = get(pdfPath(id), otherAgency(), null);
        assertEquals(404, other.status(), other.body());
        assertEquals("AUCTION_NOT_FOUND", other.code());
        assertEquals(
                refusalsBefore + 4,
                count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'ACCESS_DENIED' AND"
                                + " object_type = 'Auction' AND object_id = ?",
                        String.valueOf(id)));
        assertEquals(404, get("/api/v1/auctions/999999999/log", agency, null).status(), "no such");

        // the database refuses changes to the log and the bids, even a superuser's
        try (Connection su = TestServer.asSuperuser();
                Statement s = su.createStatement()) {
            SQLException update =
                    assertThrows(
                            SQLException.class,
                            () ->
                                    s.executeUpdate(
                                            "UPDATE auction_log SET amount = '1.00' WHERE"
                                                    + " auction_id = "
                                                    + id
                                                    + " AND seq = 3"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete =
                    assertThrows(
                            SQLException.class,
                            () ->
                                    s.executeUpdate(
                                            "DELETE FROM auction_bid WHERE auction_id = " + id));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }

        // a superuser who goes behind the triggers' back (replication role, this transaction
        // only) alters the third entry: the verification names it
        try (Connection su = TestServer.asSuperuser()) {
            su.setAutoCommit(false);
            try (Statement s = su.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                assertEquals(
                        1,
                        s.executeUpdate(
                                "UPDATE auction_log SET amount = '45999.00' WHERE auction_id = "
                                        + id
                                        + " AND seq = 3"));
            }
            su.commit();
        }
        JsonObject broken =
                check(
                        get(
                                "/api/v1/auctions/" + id + "/log/verification",
                                token("supervisor1", DEMO_PASSWORD),
                                null),
                        200,
                        "verification after tampering");
        assertFalse(broken.getBoolean("intact"), broken.toString());
        assertEquals(3, broken.getInt("brokenAt"), broken.toString());
        assertTrue(broken.getBoolean("documentIntact"), "the document itself is untouched");

        // and a stored document altered on disk is caught by its SHA-256 and no longer served
        Path stored =
                Path.of(System.getProperty("it.state", "target/it-state"), "storage", "auction");
        String name = text("SELECT audit_storage_name FROM auction WHERE id = ?", id);
        Path onDisk = stored.resolve(name.substring(0, 2)).resolve(name);
        byte[] bytes = Files.readAllBytes(onDisk);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(onDisk, bytes);
        JsonObject damaged =
                check(
                        get(
                                "/api/v1/auctions/" + id + "/log/verification",
                                token("finance1", DEMO_PASSWORD),
                                null),
                        200,
                        "verification of the document");
        assertFalse(damaged.getBoolean("documentIntact"), damaged.toString());
        Answer refusedCopy = get(pdfPath(id), agency, null);
        assertEquals(409, refusedCopy.status(), refusedCopy.body());
        assertEquals("AUCTION_AUDIT_DOCUMENT_DAMAGED", refusedCopy.code());
        assertNotEquals(sha, sha256(bytes));
    }

    @Test
    void aFailedAuctionGetsItsDocumentTooSayingWhy() throws Exception {
        JsonObject a = auction();
        long id = a.getJsonNumber("id").longValue();
        startPlus(a, Duration.ofMinutes(1));
        assertEquals(
                201,
                AuctionFixture.bid(id, token("supplier1", DEMO_PASSWORD), "\"49000.00\"", null)
                        .status());
        assertEquals(
                201,
                AuctionFixture.bid(id, token("supplier2", DEMO_PASSWORD), "\"48000.00\"", null)
                        .status());
        startPlus(a, Duration.ofMinutes(31));
        assertEquals(
                "FAILED",
                AuctionFixture.closed(id, Duration.ofSeconds(30))
                        .getJsonObject("result")
                        .getString("state"));

        HttpResponse<byte[]> pdf =
                TestServer.download(pdfPath(id), token("supervisor1", DEMO_PASSWORD), null);
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        Path dir = Path.of("target", "auction-audit");
        Files.createDirectories(dir);
        Path file = dir.resolve("auction-" + id + "-failed.pdf");
        Files.write(file, pdf.body());
        String text = pdftotext(file).replaceAll("\\s+", "");
        assertTrue(text.contains("竞价失败（流标）"), text);
        assertTrue(text.contains("合格供应商4家，有效报价的供应商2家，规则要求至少3家"), text);
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM audit_entry WHERE action ="
                                + " 'AUCTION_AUDIT_DOCUMENT_PRODUCED' AND object_id = ?",
                        String.valueOf(id)),
                "made once");
    }

    /** A user of a second agency, which runs none of these projects. */
    private static String otherAgency() {
        String admin = token("admin", DEMO_PASSWORD);
        JsonObject org =
                check(
                        TestServer.post(
                                "/api/v1/organisations",
                                Json.createObjectBuilder()
                                        .add("name", TestServer.unique("另一代理机构"))
                                        .add("type", "AGENCY")
                                        .build()
                                        .toString(),
                                admin,
                                null),
                        201,
                        "agency");
        String username = TestServer.unique("ag");
        check(
                TestServer.post(
                        "/api/v1/users",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("displayName", "另一代理")
                                .add("organisationId", org.getJsonNumber("id").longValue())
                                .add("roles", Json.createArrayBuilder().add("AGENCY"))
                                .add("password", "Str0ng#Pass")
                                .build()
                                .toString(),
                        admin,
                        null),
                201,
                "agency user");
        return token(username, "Str0ng#Pass");
    }
}
