package io.sunshine.journey;

import static io.sunshine.support.Procurement.check;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.HolidayCalendarFile;
import io.sunshine.platform.control.WorkingDayCalendar;
import io.sunshine.procurement.award.control.AwardNoticeDue;
import io.sunshine.support.AuctionFixture;
import io.sunshine.support.Browser;
import io.sunshine.support.OcdsStructure;
import io.sunshine.support.Procurement;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The award step over REST and on the agency's page, against the real EAR on PostgreSQL: an
 * auction's close prepares the lot's award (lowest bid, saving against the ceiling, the ranking)
 * with a work item due 2 working days later (实施条例 第四十三条); only the project's agency publishes the
 * award notice, once; the public portal and OCDS show it; the winner's name is lifted from the
 * auction view; a failed auction prepares nothing and hands the lot back to the agency.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuctionAwardIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @AfterEach
    void realTime() {
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    /** A published auction of 10 desktops (ceiling 50,000.00) with these suppliers enrolled. */
    private static JsonObject auction(List<String> enrolled) {
        return AuctionFixture.auction("台式计算机竞价成交", enrolled);
    }

    private static JsonArray arrayOf(Answer a, String what) {
        if (a.status() != 200) {
            throw new AssertionError(what + ": expected 200 but " + a.body());
        }
        return Procurement.array(a.body());
    }

    private static void startPlus(JsonObject auction, Duration offset) {
        AuctionFixture.startPlus(auction, offset);
    }

    private static void bid(long auctionId, String supplier, String amount) {
        check(
                post(
                        "/api/v1/auctions/" + auctionId + "/bids",
                        "{\"amount\":\"" + amount + "\"}",
                        token(supplier, DEMO_PASSWORD),
                        null),
                201,
                supplier + " bids " + amount);
    }

    /** An auction won by supplier4 at 45,500.00 against 49,000 / 48,000 / 47,000; closed. */
    private static JsonObject awardedAuction() {
        JsonObject a = auction(List.of("supplier1", "supplier2", "supplier4", "supplier6"));
        long id = a.getJsonNumber("id").longValue();
        startPlus(a, Duration.ofMinutes(1));
        bid(id, "supplier1", "49000.00");
        bid(id, "supplier2", "48000.00");
        bid(id, "supplier6", "47000.00");
        bid(id, "supplier4", "45500.00");
        startPlus(a, Duration.ofMinutes(41));
        JsonObject result =
                AuctionFixture.closed(id, Duration.ofSeconds(30)).getJsonObject("result");
        assertEquals("AWARDED", result.getString("state"));
        return a;
    }

    private static String nameOf(String user) {
        return check(get("/api/v1/auth/me", token(user, DEMO_PASSWORD), null), 200, "me")
                .getString("organisation");
    }

    private static long sql(String query, Object... params) {
        try (Connection c = TestServer.asApplication();
                PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long refusalsAudited(long awardId, String action) {
        return sql(
                "SELECT count(*) FROM audit_entry WHERE object_type = 'Award' AND object_id = ? AND"
                        + " action = ?",
                String.valueOf(awardId),
                action);
    }

    private static Optional<JsonObject> workItem(String user, String kind, String subjectId) {
        return arrayOf(get("/api/v1/my/work", token(user, DEMO_PASSWORD), null), "work").stream()
                .map(JsonValue::asJsonObject)
                .filter(w -> w.getString("kind").equals(kind))
                .filter(w -> w.getString("subjectId").equals(subjectId))
                .findFirst();
    }

    private static BigDecimal decimal(JsonObject o, String key) {
        return o.getJsonNumber(key).bigDecimalValue();
    }

    private static WorkingDayCalendar shippedCalendar() {
        try {
            return HolidayCalendarFile.parse(
                    Files.readAllLines(
                            Path.of("../config/calendar/holiday-calendar.csv"),
                            StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theLowestBidIsPreparedAsTheAwardAndOnlyTheAgencyPublishesItsNoticeOnce() {
        JsonObject a = awardedAuction();
        long auctionId = a.getJsonNumber("id").longValue();
        long pid = a.getJsonNumber("projectId").longValue();
        String agency = token("agency1", DEMO_PASSWORD);
        String winner = nameOf("supplier4");

        // prepared in the close's transaction: supplier, amount, ceiling, saving, ranking
        JsonArray list = arrayOf(get("/api/v1/awards?project=" + pid, agency, null), "awards");
        assertEquals(1, list.size(), list.toString());
        JsonObject award = list.getJsonObject(0);
        long awardId = award.getJsonNumber("id").longValue();
        assertEquals("PREPARED", award.getString("state"));
        assertEquals("AUCTION", award.getString("source"));
        assertEquals(auctionId, award.getJsonNumber("auctionId").longValue());
        assertEquals(1, award.getInt("lotNo"));
        assertEquals(winner, award.getString("supplierName"));
        assertEquals(0, new BigDecimal("45500.00").compareTo(decimal(award, "amount")));
        assertEquals(0, new BigDecimal("50000.00").compareTo(decimal(award, "ceiling")));
        assertEquals(0, new BigDecimal("4500.00").compareTo(decimal(award, "saving")));
        assertEquals("人民币肆万伍仟伍佰元整", award.getString("amountCapitals"));
        assertEquals(4, award.getInt("qualified"));
        assertTrue(award.getBoolean("publishable"));
        JsonArray ranking = award.getJsonArray("ranking");
        assertEquals(4, ranking.size());
        assertEquals(winner, ranking.getJsonObject(0).getString("supplierName"));
        assertEquals(nameOf("supplier1"), ranking.getJsonObject(3).getString("supplierName"));

        // due 2 working days after the day of the result, on the platform's calendar
        JsonObject monitor =
                check(get("/api/v1/auctions/" + auctionId, agency, null), 200, "monitor");
        Instant closedAt =
                OffsetDateTime.parse(monitor.getJsonObject("result").getString("closedAt"))
                        .toInstant();
        Optional<Instant> due = AwardNoticeDue.after(closedAt, shippedCalendar());
        JsonObject item =
                workItem("agency1", "work.award.publish", String.valueOf(awardId)).orElseThrow();
        assertEquals("Award", item.getString("subjectType"));
        assertTrue(item.getString("title").contains(winner), item.toString());
        if (due.isPresent()) {
            assertEquals(
                    due.get(), OffsetDateTime.parse(award.getString("publicationDue")).toInstant());
            assertEquals(due.get(), OffsetDateTime.parse(item.getString("dueAt")).toInstant());
        } else {
            assertTrue(!award.containsKey("publicationDue") || award.isNull("publicationDue"));
        }

        // the buyer sees it; the winner does not yet, nor sees its name in the auction
        check(get("/api/v1/awards/" + awardId, token("purchaser1", DEMO_PASSWORD), null), 200, "b");
        Answer early = get("/api/v1/awards/" + awardId, token("supplier4", DEMO_PASSWORD), null);
        assertEquals(404, early.status(), early.body());
        assertEquals("AWARD_NOT_FOUND", early.code());
        JsonObject before =
                check(
                                get(
                                        "/api/v1/auctions/" + auctionId,
                                        token("supplier1", DEMO_PASSWORD),
                                        null),
                                200,
                                "supplier view")
                        .getJsonObject("result");
        assertTrue(!before.containsKey("winnerName") || before.isNull("winnerName"));
        assertTrue(before.getString("winnerAlias").startsWith("供应商"));

        // a supplier, the buyer and another agency may not publish: not found, audited
        long denied = refusalsAudited(awardId, "ACCESS_DENIED");
        Answer bySupplier =
                post(
                        "/api/v1/awards/" + awardId + "/publication",
                        null,
                        token("supplier4", DEMO_PASSWORD),
                        "zh-CN");
        assertEquals(404, bySupplier.status(), bySupplier.body());
        assertEquals("AWARD_NOT_FOUND", bySupplier.code());
        assertTrue(bySupplier.json().getString("detail").contains("不存在"), bySupplier.body());
        Answer byBuyer =
                post(
                        "/api/v1/awards/" + awardId + "/publication",
                        null,
                        token("purchaser1", DEMO_PASSWORD),
                        null);
        assertEquals(404, byBuyer.status(), byBuyer.body());
        String otherAgency = otherAgency();
        Answer byOther =
                post("/api/v1/awards/" + awardId + "/publication", null, otherAgency, "en");
        assertEquals(404, byOther.status(), byOther.body());
        assertEquals("AWARD_NOT_FOUND", byOther.code());
        assertTrue(byOther.json().getString("detail").contains("does not exist"));
        Answer otherReads = get("/api/v1/awards?project=" + pid, otherAgency, null);
        assertEquals(404, otherReads.status(), otherReads.body());
        assertEquals(denied + 3, refusalsAudited(awardId, "ACCESS_DENIED"));
        assertEquals(
                0,
                sql(
                        "SELECT count(*) FROM notice WHERE project_id = ? AND notice_type ="
                                + " 'AWARD'",
                        pid));

        // the agency publishes: a public AWARD notice with the winner and the amount
        JsonObject published =
                check(
                        post("/api/v1/awards/" + awardId + "/publication", null, agency, null),
                        200,
                        "publish");
        assertEquals("PUBLISHED", published.getString("state"));
        assertFalse(published.getBoolean("publishable"));
        String noticeNo = published.getString("noticeNo");
        assertEquals("agency1", published.getString("publishedBy"));
        JsonObject notice = check(get("/api/v1/notices/" + noticeNo, null, null), 200, "notice");
        assertEquals("AWARD", notice.getString("type"));
        String body = notice.getString("body");
        assertTrue(notice.getString("title").contains("成交公告"), notice.getString("title"));
        assertTrue(body.contains("成交供应商名称：" + winner), body);
        assertTrue(body.contains("45,500.00 元（人民币肆万伍仟伍佰元整）"), body);
        assertTrue(body.contains("台式计算机（A02010105）"), body);
        JsonArray portal =
                check(get("/api/v1/notices?type=AWARD&size=50", null, null), 200, "portal")
                        .getJsonArray("notices");
        assertTrue(
                portal.stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(n -> n.getString("noticeNo").equals(noticeNo)),
                portal.toString());

        // the work is done; the winner sees its award; the auction names the winner to everyone
        assertTrue(workItem("agency1", "work.award.publish", String.valueOf(awardId)).isEmpty());
        JsonObject own =
                check(
                        get("/api/v1/awards/" + awardId, token("supplier4", DEMO_PASSWORD), null),
                        200,
                        "winner");
        assertEquals(0, own.getJsonArray("ranking").size(), "no other supplier's name");
        assertEquals(
                404,
                get("/api/v1/awards/" + awardId, token("supplier1", DEMO_PASSWORD), null).status());
        JsonObject after =
                check(
                                get(
                                        "/api/v1/auctions/" + auctionId,
                                        token("supplier1", DEMO_PASSWORD),
                                        null),
                                200,
                                "supplier view")
                        .getJsonObject("result");
        assertEquals(winner, after.getString("winnerName"));

        // twice: refused with its code, nothing changed
        Answer again = post("/api/v1/awards/" + awardId + "/publication", null, agency, "zh-CN");
        assertEquals(409, again.status(), again.body());
        assertEquals("AWARD_ALREADY_PUBLISHED", again.code());
        assertTrue(again.json().getString("detail").contains(noticeNo), again.body());
        assertEquals(
                1,
                sql(
                        "SELECT count(*) FROM notice WHERE project_id = ? AND notice_type ="
                                + " 'AWARD'",
                        pid));
        JsonObject still = check(get("/api/v1/awards/" + awardId, agency, null), 200, "still");
        assertEquals(published.getString("publishedAt"), still.getString("publishedAt"));
        assertEquals(noticeNo, still.getString("noticeNo"));
        assertEquals(1, refusalsAudited(awardId, "AWARD_PUBLICATION_REFUSED"));

        // open data: the award notice is an award release with the supplier and the value
        JsonObject release =
                check(get("/api/ocds/releases/" + noticeNo, null, null), 200, "release");
        JsonObject r = release.getJsonArray("releases").getJsonObject(0);
        assertEquals(List.of(), OcdsStructure.release(r, "award release"));
        assertEquals("award", r.getJsonArray("tag").getString(0));
        JsonObject ocdsAward = r.getJsonArray("awards").getJsonObject(0);
        assertEquals(
                0,
                new BigDecimal("45500.00")
                        .compareTo(
                                ocdsAward
                                        .getJsonObject("value")
                                        .getJsonNumber("amount")
                                        .bigDecimalValue()));
        assertEquals(
                winner, ocdsAward.getJsonArray("suppliers").getJsonObject(0).getString("name"));
        assertEquals(4, r.getJsonObject("tender").getInt("numberOfTenderers"));
    }

    /** A second agency with its own user; returns the user's token. */
    private static String otherAgency() {
        String admin = token("admin", DEMO_PASSWORD);
        long org =
                check(
                                post(
                                        "/api/v1/organisations",
                                        Json.createObjectBuilder()
                                                .add("name", TestServer.unique("另一代理机构"))
                                                .add("type", "AGENCY")
                                                .build()
                                                .toString(),
                                        admin,
                                        null),
                                201,
                                "organisation")
                        .getJsonNumber("id")
                        .longValue();
        String username = TestServer.unique("agent");
        check(
                post(
                        "/api/v1/users",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("displayName", "测试 " + username)
                                .add("organisationId", org)
                                .add("roles", Json.createArrayBuilder().add("AGENCY"))
                                .add("password", "Str0ng#Pass")
                                .build()
                                .toString(),
                        admin,
                        null),
                201,
                "user");
        return token(username, "Str0ng#Pass");
    }

    @Test
    void anAuctionWithFewerEnrolledThanTheMinimumFailsWithoutAwardAndGoesBackToTheAgency() {
        JsonObject a = auction(List.of("supplier1", "supplier2"));
        long id = a.getJsonNumber("id").longValue();
        long pid = a.getJsonNumber("projectId").longValue();
        startPlus(a, Duration.ofMinutes(1));
        bid(id, "supplier1", "49000.00");
        startPlus(a, Duration.ofMinutes(41));
        JsonObject result =
                AuctionFixture.closed(id, Duration.ofSeconds(30)).getJsonObject("result");
        assertEquals("FAILED", result.getString("state"));
        assertEquals(2, result.getInt("qualified"));
        assertEquals(3, result.getInt("minimum"));

        String agency = token("agency1", DEMO_PASSWORD);
        assertEquals(0, arrayOf(get("/api/v1/awards?project=" + pid, agency, null), "a").size());
        assertEquals(0, sql("SELECT count(*) FROM award WHERE project_id = ?", pid));
        JsonObject item =
                workItem("agency1", "work.auction.failed", String.valueOf(pid)).orElseThrow();
        assertEquals("Project", item.getString("subjectType"));
        assertTrue(
                item.getString("title").contains("网上竞价失败：有效报名供应商 2 家，少于规定的最少 3 家"),
                item.toString());
        assertTrue(workItem("purchaser1", "work.auction.failed", String.valueOf(pid)).isEmpty());

        // the agency terminates the project: the lot's failure is dealt with
        check(
                post(
                        "/api/v1/projects/" + pid + "/termination",
                        "{\"reason\":\"网上竞价有效供应商不足三家，终止本项目后重新组织采购。\"}",
                        agency,
                        null),
                200,
                "terminate");
        assertTrue(workItem("agency1", "work.auction.failed", String.valueOf(pid)).isEmpty());
    }

    @Test
    void theAgencyPublishesTheAwardNoticeFromTheProjectPage() {
        JsonObject a = awardedAuction();
        long pid = a.getJsonNumber("projectId").longValue();
        String winner = nameOf("supplier4");
        long awardId =
                arrayOf(
                                get(
                                        "/api/v1/awards?project=" + pid,
                                        token("agency1", DEMO_PASSWORD),
                                        null),
                                "awards")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue();
        try (Browser agency = new Browser()) {
            agency.signIn("agency1", DEMO_PASSWORD);
            // as the work item links it: the project page of the award
            agency.open("/procurement/project.xhtml?awardId=" + awardId);
            String card = agency.driver.findElement(By.id("award")).getText();
            assertTrue(card.contains(winner), card);
            assertTrue(card.contains("45,500.00"), card);
            assertTrue(card.contains("成交结果待公告"), card);
            assertTrue(card.contains("人民币肆万伍仟伍佰元整"), card);
            agency.screenshot("award-prepared-agency");
            agency.clickWhenSteady(By.cssSelector("[id$='publishAward']"));
            agency.waiting()
                    .until(ExpectedConditions.elementToBeClickable(By.id("award:awardConfirmYes")))
                    .click();
            try {
                agency.waiting()
                        .until(
                                ExpectedConditions.textToBePresentInElementLocated(
                                        By.id("award"), "成交结果已公告"));
            } catch (org.openqa.selenium.TimeoutException e) {
                agency.screenshot("award-publish-failed");
                throw new AssertionError(
                        "not published; messages: "
                                + agency.driver.findElement(By.id("messages")).getText(),
                        e);
            }
            agency.waitForPage();
            assertTrue(
                    agency.driver.findElement(By.id("messages")).getText().contains("已发布"),
                    agency.driver.findElement(By.id("messages")).getText());
            assertTrue(
                    agency.driver.findElements(By.cssSelector("[id$='publishAward']")).isEmpty());
            assertNotNull(agency.driver.findElement(By.cssSelector("a.award-notice")));
            agency.screenshot("award-published-agency");
        }
        JsonObject award =
                arrayOf(
                                get(
                                        "/api/v1/awards?project=" + pid,
                                        token("agency1", DEMO_PASSWORD),
                                        null),
                                "awards")
                        .getJsonObject(0);
        assertEquals("PUBLISHED", award.getString("state"));
    }
}
