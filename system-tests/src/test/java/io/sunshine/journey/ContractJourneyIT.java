package io.sunshine.journey;

import static io.sunshine.support.Procurement.check;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.put;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.AuctionFixture;
import io.sunshine.support.OcdsStructure;
import io.sunshine.support.PopplerTools;
import io.sunshine.support.Procurement;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stage 4 over REST against the real EAR on PostgreSQL: the buyer drafts the contract of a
 * published auction award (items at the bid price, amount in capitals), changes its terms within
 * the rules, both parties sign with their organisations' certificates after re-entering their
 * password, {@code pdfsig} and the platform's verifier accept both signatures and both detect a PDF
 * changed afterwards, FINANCE returns a version and files the next, and the buyer publishes the
 * contract notice with a commercial secret withheld.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractJourneyIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @AfterEach
    void realTime() {
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    /** An auction won by supplier4 at 45,500.00, its award notice published by agency1. */
    static JsonObject publishedAward(String title) {
        JsonObject a =
                AuctionFixture.auction(title, List.of("supplier1", "supplier2", "supplier4"));
        long id = a.getJsonNumber("id").longValue();
        // certificates issued on the real clock: pdfsig checks them at this machine's time, and
        // the test server's clock is about to move days ahead
        certify("purchaser1");
        certify("supplier4");
        AuctionFixture.startPlus(a, Duration.ofMinutes(1));
        for (String[] b :
                List.of(
                        new String[] {"supplier1", "49000.00"},
                        new String[] {"supplier2", "48000.00"},
                        new String[] {"supplier4", "45500.00"})) {
            Answer r = AuctionFixture.bid(id, token(b[0], DEMO_PASSWORD), "\"" + b[1] + "\"", null);
            assertEquals(201, r.status(), r.body());
        }
        AuctionFixture.startPlus(a, Duration.ofMinutes(41));
        AuctionFixture.closed(id, Duration.ofSeconds(30));
        String agency = token("agency1", DEMO_PASSWORD);
        JsonObject award =
                array(
                                get(
                                        "/api/v1/awards?project=" + a.getJsonNumber("projectId"),
                                        agency,
                                        null),
                                "awards")
                        .getJsonObject(0);
        return check(
                post(
                        "/api/v1/awards/" + award.getJsonNumber("id") + "/publication",
                        null,
                        agency,
                        null),
                200,
                "publish the award");
    }

    /** The platform CA issues the user's organisation a certificate now (ADMIN). */
    static void certify(String user) {
        long org =
                check(get("/api/v1/auth/me", token(user, DEMO_PASSWORD), null), 200, "me")
                        .getJsonNumber("organisationId")
                        .longValue();
        check(
                post(
                        "/api/v1/organisations/" + org + "/certificate",
                        null,
                        token("admin", DEMO_PASSWORD),
                        null),
                201,
                "certificate of " + user);
    }

    private static JsonArray array(Answer a, String what) {
        assertEquals(200, a.status(), what + ": " + a.body());
        return Procurement.array(a.body());
    }

    private static JsonObject draft(long awardId) {
        return check(
                post(
                        "/api/v1/contracts",
                        "{\"awardId\":" + awardId + "}",
                        token("purchaser1", DEMO_PASSWORD),
                        null),
                201,
                "draft");
    }

    private static JsonObject sign(long id, String user) {
        return check(
                post(
                        "/api/v1/contracts/" + id + "/signatures",
                        "{\"password\":\"" + DEMO_PASSWORD + "\"}",
                        token(user, DEMO_PASSWORD),
                        null),
                200,
                user + " signs");
    }

    private static byte[] pdf(long id, String user) {
        HttpResponse<byte[]> r =
                TestServer.download(
                        "/api/v1/contracts/" + id + "/pdf", token(user, DEMO_PASSWORD), null);
        assertEquals(200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        return r.body();
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

    private static String terms(String milestones, String bond) {
        return "{\"deliveryPlace\":\"滨江市文教路18号 教育局信息中心\",\"deliveryPeriod\":\"合同签订后20日内\","
                + "\"acceptance\":\"到货后10个工作日内由采购人组织验收\",\"warranty\":\"整机质保三年，上门服务\","
                + "\"milestones\":"
                + milestones
                + ",\"bondPercent\":\""
                + bond
                + "\",\"dispute\":\"ARBITRATION\",\"disputeBody\":\"滨江仲裁委员会\","
                + "\"otherTerms\":\"无\"}";
    }

    private static boolean workItem(String user, String kind, long subject) {
        return array(get("/api/v1/my/work", token(user, DEMO_PASSWORD), null), "work").stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(
                        w ->
                                w.getString("kind").equals(kind)
                                        && w.getString("subjectId")
                                                .equals(String.valueOf(subject)));
    }

    @Test
    void draftedFromTheAwardAtTheBidPriceSignedByBothVerifiedOutsideReturnedAndFiled()
            throws Exception {
        JsonObject award = publishedAward("教学用台式计算机合同");
        long awardId = award.getJsonNumber("id").longValue();
        String purchaser = token("purchaser1", DEMO_PASSWORD);
        assertTrue(workItem("purchaser1", "work.contract.draft", awardId));

        // only the buyer drafts: another unit's purchaser is told "not found" (audited)
        Answer foreign =
                post(
                        "/api/v1/contracts",
                        "{\"awardId\":" + awardId + "}",
                        token("purchaser2", DEMO_PASSWORD),
                        null);
        assertEquals(404, foreign.status(), foreign.body());
        assertEquals("AWARD_NOT_FOUND", foreign.code());
        assertEquals(
                403,
                post(
                                "/api/v1/contracts",
                                "{\"awardId\":" + awardId + "}",
                                token("supplier4", DEMO_PASSWORD),
                                null)
                        .status());

        JsonObject c = draft(awardId);
        long id = c.getJsonNumber("id").longValue();
        assertEquals("DRAFT", c.getString("state"));
        assertEquals(
                0,
                new BigDecimal("45500.00").compareTo(c.getJsonNumber("amount").bigDecimalValue()));
        assertEquals("人民币肆万伍仟伍佰元整", c.getString("amountCapitals"));
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonValue i : c.getJsonArray("items")) {
            sum = sum.add(i.asJsonObject().getJsonNumber("amount").bigDecimalValue());
        }
        assertEquals(0, new BigDecimal("45500.00").compareTo(sum), "items add up to the bid");
        assertTrue(c.getJsonObject("allowed").getBoolean("amend"));
        assertTrue(workItem("supplier4", "work.contract.sign", id));
        assertFalse(workItem("purchaser1", "work.contract.draft", awardId));
        // a second draft of the same award is refused
        Answer again = post("/api/v1/contracts", "{\"awardId\":" + awardId + "}", purchaser, null);
        assertEquals(409, again.status());
        assertEquals("CONTRACT_EXISTS", again.code());
        // the supplier sees it, a supplier that lost does not
        assertEquals(
                200,
                get("/api/v1/contracts/" + id, token("supplier4", DEMO_PASSWORD), null).status());
        Answer loser = get("/api/v1/contracts/" + id, token("supplier1", DEMO_PASSWORD), null);
        assertEquals(404, loser.status());
        assertTrue(
                count(
                                "SELECT count(*) FROM audit_entry WHERE object_type = 'Contract'"
                                        + " AND object_id = ? AND action = 'ACCESS_DENIED'",
                                String.valueOf(id))
                        >= 1);

        // the draft PDF: real Chinese text, both parties' credit codes, the capitals, every page
        Path dir = Files.createTempDirectory("contract-it");
        Path draftPdf = dir.resolve("draft.pdf");
        Files.write(draftPdf, pdf(id, "purchaser1"));
        String text = PopplerTools.text(draftPdf);
        String number = c.getString("contractNo");
        assertTrue(text.contains(number), text);
        assertTrue(text.contains("人民币肆万伍仟伍佰元整"), text);
        assertTrue(text.contains(c.getJsonObject("purchaser").getString("creditCode")), text);
        assertTrue(text.contains(c.getJsonObject("supplier").getString("creditCode")), text);
        assertTrue(text.contains("第 1 页"), text);

        // terms: milestones must add up to 100, the bond at most 10 %
        String m90 =
                "[{\"name\":\"预付款\",\"percent\":\"30\",\"condition\":\"合同签订后\"},"
                        + "{\"name\":\"验收款\",\"percent\":\"60\",\"condition\":\"验收合格后\"}]";
        String m100 =
                "[{\"name\":\"预付款\",\"percent\":\"40\",\"condition\":\"合同签订后10日内\"},"
                        + "{\"name\":\"验收款\",\"percent\":\"60\",\"condition\":\"验收合格后15日内\"}]";
        Answer notHundred =
                put("/api/v1/contracts/" + id + "/terms", terms(m90, "5"), purchaser, "zh-CN");
        assertEquals(422, notHundred.status(), notHundred.body());
        assertEquals("CONTRACT_MILESTONES_NOT_100", notHundred.code());
        Answer bond =
                put("/api/v1/contracts/" + id + "/terms", terms(m100, "10.01"), purchaser, "zh-CN");
        assertEquals(422, bond.status(), bond.body());
        assertEquals("CONTRACT_BOND_TOO_HIGH", bond.code());
        JsonObject amended =
                check(
                        put(
                                "/api/v1/contracts/" + id + "/terms",
                                terms(m100, "10"),
                                purchaser,
                                null),
                        200,
                        "amend");
        assertEquals(
                "40",
                amended.getJsonObject("terms")
                        .getJsonArray("milestones")
                        .getJsonObject(0)
                        .getJsonNumber("percent")
                        .bigDecimalValue()
                        .stripTrailingZeros()
                        .toPlainString());
        assertFalse(amended.getString("pdfSha256").equals(c.getString("pdfSha256")), "re-rendered");
        // the supplier cannot change terms
        assertEquals(
                403,
                put(
                                "/api/v1/contracts/" + id + "/terms",
                                terms(m100, "5"),
                                token("supplier4", DEMO_PASSWORD),
                                null)
                        .status());

        // a wrong password signs nothing and is audited
        Answer wrong =
                post(
                        "/api/v1/contracts/" + id + "/signatures",
                        "{\"password\":\"not-the-password\"}",
                        token("supplier4", DEMO_PASSWORD),
                        "zh-CN");
        assertEquals("SIGNING_PASSWORD_WRONG", wrong.code(), wrong.body());
        assertEquals(
                "DRAFT",
                check(get("/api/v1/contracts/" + id, purchaser, null), 200, "after")
                        .getString("state"));
        assertTrue(
                count(
                                "SELECT count(*) FROM audit_entry WHERE action = 'SIGNING_REFUSED'"
                                        + " AND actor = 'supplier4' AND after_state LIKE"
                                        + " '%SIGNING_PASSWORD_WRONG%'")
                        >= 1,
                "wrong signing password audited");

        // wrong signing passwords count towards the lockout as failed sign-ins do (a sign-in
        // resets the count): the fifth in a row locks the account and revokes its tokens
        String s4 = token("supplier4", DEMO_PASSWORD);
        for (int i = 1; i <= 4; i++) {
            Answer guess =
                    post(
                            "/api/v1/contracts/" + id + "/signatures",
                            "{\"password\":\"guess-" + i + "\"}",
                            s4,
                            null);
            assertEquals("SIGNING_PASSWORD_WRONG", guess.code(), guess.body());
        }
        Answer fifth =
                post(
                        "/api/v1/contracts/" + id + "/signatures",
                        "{\"password\":\"guess-5\"}",
                        s4,
                        "zh-CN");
        assertEquals("ACCOUNT_LOCKED", fifth.code(), fifth.body());
        assertTrue(fifth.body().contains("账户已锁定"), fifth.body());
        assertEquals(401, get("/api/v1/auth/me", s4, null).status(), "its tokens are revoked");
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'ACCOUNT_LOCKED' AND"
                                + " object_id = 'supplier4' AND after_state LIKE '%act=SIGN %'"));
        assertEquals(
                "DRAFT",
                check(get("/api/v1/contracts/" + id, purchaser, null), 200, "locked")
                        .getString("state"));
        // an administrator lifts the lock; the journey goes on
        check(
                post("/api/v1/users/supplier4/unlock", null, token("admin", DEMO_PASSWORD), null),
                200,
                "unlock supplier4");

        JsonObject one = sign(id, "supplier4");
        assertEquals("SIGNING", one.getString("state"));
        Answer locked =
                put("/api/v1/contracts/" + id + "/terms", terms(m100, "5"), purchaser, null);
        assertEquals(409, locked.status());
        assertEquals("CONTRACT_NOT_AMENDABLE", locked.code());
        Answer twice =
                post(
                        "/api/v1/contracts/" + id + "/signatures",
                        "{\"password\":\"" + DEMO_PASSWORD + "\"}",
                        token("supplier4", DEMO_PASSWORD),
                        null);
        assertEquals("CONTRACT_ALREADY_SIGNED", twice.code());
        JsonObject both = sign(id, "purchaser1");
        assertEquals("SIGNED", both.getString("state"));
        assertEquals(2, both.getJsonArray("signatures").size());
        assertTrue(workItem("finance1", "work.contract.review", id));
        assertTrue(workItem("purchaser1", "work.contract.notice", id));

        // pdfsig (poppler, NSS trusting the platform's root) accepts both signatures
        Path signed = dir.resolve("signed.pdf");
        byte[] signedBytes = pdf(id, "finance1");
        Files.write(signed, signedBytes);
        Answer root = get("/api/v1/ca/root.pem", null, null);
        assertEquals(200, root.status());
        String nss = PopplerTools.nssTrusting(dir.resolve("nss"), root.body());
        PopplerTools.Run sig = PopplerTools.pdfsig(signed, nss);
        assertEquals(2, occurrences(sig.output(), "Signature is Valid"), sig.output());
        assertEquals(2, occurrences(sig.output(), "Certificate is Trusted"), sig.output());
        assertTrue(sig.output().contains("Total document signed"), sig.output());
        JsonArray reports =
                array(
                        get(
                                "/api/v1/contracts/" + id + "/verification",
                                token("finance1", DEMO_PASSWORD),
                                null),
                        "verify");
        assertEquals(2, reports.size());
        for (JsonValue r : reports) {
            assertTrue(r.asJsonObject().getBoolean("signatureValid"), r.toString());
            assertTrue(r.asJsonObject().getBoolean("certificateTrusted"), r.toString());
            assertFalse(r.asJsonObject().getBoolean("modifiedAfterSigning"), r.toString());
        }

        // bytes appended after signing: both verifiers say the document changed
        byte[] appended = Arrays.copyOf(signedBytes, signedBytes.length + 20);
        System.arraycopy(
                "\n% appended later\n".getBytes(StandardCharsets.US_ASCII),
                0,
                appended,
                signedBytes.length,
                18);
        Path app = dir.resolve("appended.pdf");
        Files.write(app, appended);
        PopplerTools.Run sigApp = PopplerTools.pdfsig(app, nss);
        assertFalse(sigApp.output().contains("Total document signed"), sigApp.output());
        JsonArray appReports =
                array(
                        TestServer.postBytes(
                                "/api/v1/signatures/verification",
                                appended,
                                "application/pdf",
                                token("finance1", DEMO_PASSWORD),
                                null),
                        "verify appended");
        assertTrue(
                appReports.stream()
                        .anyMatch(r -> r.asJsonObject().getBoolean("modifiedAfterSigning")),
                appReports.toString());

        // one byte of the signed content changed: both say the signature is invalid
        byte[] changed = signedBytes.clone();
        int at = new String(changed, StandardCharsets.ISO_8859_1).indexOf("/Type /Page");
        int pos = at > 0 ? at + 2 : 200;
        changed[pos] = (byte) (changed[pos] == 'y' ? 'Y' : 'y');
        Path chg = dir.resolve("changed.pdf");
        Files.write(chg, changed);
        PopplerTools.Run sigChg = PopplerTools.pdfsig(chg, nss);
        assertTrue(
                sigChg.output().contains("Signature is Invalid")
                        || sigChg.output().contains("Digest Mismatch"),
                sigChg.output());
        JsonArray chgReports =
                array(
                        TestServer.postBytes(
                                "/api/v1/signatures/verification",
                                changed,
                                "application/pdf",
                                token("finance1", DEMO_PASSWORD),
                                null),
                        "verify changed");
        assertTrue(
                chgReports.stream().anyMatch(r -> !r.asJsonObject().getBoolean("signatureValid")),
                chgReports.toString());

        // FINANCE returns it (reasons required), the buyer drafts version 2, both sign, filed
        String finance = token("finance1", DEMO_PASSWORD);
        Answer noReason =
                post(
                        "/api/v1/contracts/" + id + "/review",
                        "{\"decision\":\"RETURN\"}",
                        finance,
                        null);
        assertEquals("CONTRACT_RETURN_REASON_REQUIRED", noReason.code());
        JsonObject returned =
                check(
                        post(
                                "/api/v1/contracts/" + id + "/review",
                                "{\"decision\":\"RETURN\",\"reasons\":\"交付地点应写明楼层\"}",
                                finance,
                                null),
                        200,
                        "return");
        assertEquals("RETURNED", returned.getString("state"));
        assertTrue(workItem("purchaser1", "work.contract.redraft", id));
        JsonObject v2 = draft(awardId);
        long id2 = v2.getJsonNumber("id").longValue();
        assertEquals(2, v2.getInt("versionNo"));
        assertEquals(number + "-V2", v2.getString("contractNo"));
        assertEquals(
                "10",
                v2.getJsonObject("terms")
                        .getJsonNumber("bondPercent")
                        .bigDecimalValue()
                        .stripTrailingZeros()
                        .toPlainString(),
                "version 2 keeps the terms of version 1");
        sign(id2, "purchaser1");
        sign(id2, "supplier4");
        JsonObject filed =
                check(
                        post(
                                "/api/v1/contracts/" + id2 + "/review",
                                "{\"decision\":\"FILE\"}",
                                finance,
                                null),
                        200,
                        "file");
        assertEquals("FILED", filed.getString("state"));
        JsonArray history =
                array(get("/api/v1/contracts?award=" + awardId, purchaser, null), "history");
        assertEquals(
                List.of("RETURNED", "FILED"),
                history.stream().map(h -> h.asJsonObject().getString("state")).toList());

        // the notice: a field that cannot be withheld is refused; the items withheld
        Answer amount =
                post(
                        "/api/v1/contracts/" + id2 + "/notice",
                        "{\"withheld\":[\"amount\"]}",
                        purchaser,
                        null);
        assertEquals(422, amount.status());
        assertEquals("CONTRACT_NOTICE_FIELD_UNKNOWN", amount.code());
        JsonObject noticed =
                check(
                        post(
                                "/api/v1/contracts/" + id2 + "/notice",
                                "{\"withheld\":[\"items\"]}",
                                purchaser,
                                null),
                        200,
                        "notice");
        String noticeNo = noticed.getString("noticeNo");
        JsonObject notice =
                check(get("/api/v1/notices/" + noticeNo, null, null), 200, "public notice");
        String body = notice.toString();
        assertTrue(body.contains(number + "-V2"), body);
        assertTrue(body.contains("依法不予公开"), body);
        assertTrue(body.contains("人民币肆万伍仟伍佰元整"), body);
        // open data: the contract notice is an OCDS contract release of the awarded lot
        JsonObject release =
                check(get("/api/ocds/releases/" + noticeNo, null, null), 200, "contract release")
                        .getJsonArray("releases")
                        .getJsonObject(0);
        assertEquals(List.of(), OcdsStructure.release(release, "contract release"));
        assertEquals("contract", release.getJsonArray("tag").getString(0));
        JsonObject ocds = release.getJsonArray("contracts").getJsonObject(0);
        assertEquals(number + "-V2", ocds.getString("id"));
        assertEquals(award.getString("noticeNo") + "-1", ocds.getString("awardID"));
        assertEquals(
                0,
                new BigDecimal("45500.00")
                        .compareTo(
                                ocds.getJsonObject("value")
                                        .getJsonNumber("amount")
                                        .bigDecimalValue()));
        assertEquals(
                "CONTRACT_NOTICE_PUBLISHED",
                post("/api/v1/contracts/" + id2 + "/notice", "{}", purchaser, null).code());
    }

    @Test
    void anOrganisationKeepsTheDetailsItsContractsPrintAndOnlyItsOwn() {
        String supplier = token("supplier5", DEMO_PASSWORD);
        long own =
                check(get("/api/v1/auth/me", supplier, null), 200, "me")
                        .getJsonNumber("organisationId")
                        .longValue();
        JsonObject d =
                check(
                        put(
                                "/api/v1/organisations/" + own + "/details",
                                "{\"address\":\"滨江市明德街57号\",\"bankAccountNumber\":\"3310 6600 0018"
                                        + " 0100 99\"}",
                                supplier,
                                null),
                        200,
                        "own details");
        assertEquals("滨江市明德街57号", d.getString("address"));
        assertEquals("331066000018010099", d.getString("bankAccountNumber"));
        assertEquals("交通银行滨江明德支行", d.getString("bankName"), "kept");
        Answer bad =
                put(
                        "/api/v1/organisations/" + own + "/details",
                        "{\"bankAccountNumber\":\"12\"}",
                        supplier,
                        "zh-CN");
        assertEquals("BANK_ACCOUNT_INVALID", bad.code(), bad.body());
        long other =
                check(get("/api/v1/auth/me", token("purchaser1", DEMO_PASSWORD), null), 200, "me")
                        .getJsonNumber("organisationId")
                        .longValue();
        Answer foreign =
                put(
                        "/api/v1/organisations/" + other + "/details",
                        "{\"address\":\"别处\"}",
                        supplier,
                        null);
        assertEquals(404, foreign.status(), foreign.body());
        assertTrue(
                count(
                                "SELECT count(*) FROM audit_entry WHERE action = 'ACCESS_DENIED'"
                                        + " AND object_type = 'Organisation' AND object_id = ?"
                                        + " AND actor = 'supplier5'",
                                String.valueOf(other))
                        >= 1);
    }

    private static int occurrences(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
