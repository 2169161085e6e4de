package io.sunshine.journey;

import static io.sunshine.support.Procurement.check;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Procurement;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The contracts' statutory deadlines on the server's clock, with the real once-a-minute watch: a
 * contract still unsigned 25 days after the award notice warns both parties, one unsigned after 30
 * days (政府采购法 第四十六条) is flagged to the supervisors; a signed one without its notice after 2 working
 * days (实施条例 第五十条) and unfiled after 7 (政府采购法 第四十七条) is flagged too — each once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractDeadlinesIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @AfterEach
    void realTime() {
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    private static long contractOf(JsonObject award) {
        return check(
                        post(
                                "/api/v1/contracts",
                                "{\"awardId\":" + award.getJsonNumber("id") + "}",
                                token("purchaser1", DEMO_PASSWORD),
                                null),
                        201,
                        "draft")
                .getJsonNumber("id")
                .longValue();
    }

    private static void sign(long id, String user) {
        check(
                post(
                        "/api/v1/contracts/" + id + "/signatures",
                        "{\"password\":\"" + DEMO_PASSWORD + "\"}",
                        token(user, DEMO_PASSWORD),
                        null),
                200,
                user + " signs");
    }

    private static long audited(long contract, String action) {
        try (Connection c = TestServer.asApplication();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT count(*) FROM audit_entry WHERE object_type = 'Contract'"
                                        + " AND object_id = ? AND action = ?")) {
            s.setString(1, String.valueOf(contract));
            s.setString(2, action);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long items(String user, String kind, long contract) {
        return Procurement.array(get("/api/v1/my/work", token(user, DEMO_PASSWORD), null).body())
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(w -> w.getString("kind").equals(kind))
                .filter(w -> w.getString("subjectId").equals(String.valueOf(contract)))
                .count();
    }

    @Test
    void lateSigningNoticeAndFilingAreFlaggedOnceAndThePartiesWarnedBefore() {
        JsonObject first = ContractJourneyIT.publishedAward("合同期限提醒一");
        long unsigned = contractOf(first);
        // the second auction is set up on the real clock as the first was
        realTime();
        JsonObject second = ContractJourneyIT.publishedAward("合同期限提醒二");
        long signed = contractOf(second);
        sign(signed, "purchaser1");
        sign(signed, "supplier4");
        JsonObject view =
                check(
                        get(
                                "/api/v1/contracts/" + unsigned,
                                token("purchaser1", DEMO_PASSWORD),
                                null),
                        200,
                        "view");
        assertEquals("OPEN", view.getString("signStatus"));
        Instant noticeAt = OffsetDateTime.parse(view.getString("awardPublishedAt")).toInstant();

        // 35 days after the award notice: past the warning, the signing, notice and filing limits
        String admin = token("admin", DEMO_PASSWORD);
        Instant now =
                OffsetDateTime.parse(get("/api/v1/test-clock", admin, null).json().getString("now"))
                        .toInstant();
        long seconds = Duration.between(now, noticeAt.plus(Duration.ofDays(35))).toSeconds();
        check(
                TestServer.post("/api/v1/test-clock", "{\"seconds\":" + seconds + "}", admin, null),
                200,
                "clock");

        // the watch runs once a minute
        new FluentWait<>(signed)
                .withTimeout(Duration.ofSeconds(150))
                .pollingEvery(Duration.ofSeconds(2))
                .withMessage("the contract watch flagged both contracts")
                .until(
                        id ->
                                audited(unsigned, "CONTRACT_SIGNING_LATE") == 1
                                        && audited(id, "CONTRACT_NOTICE_LATE") == 1
                                        && audited(id, "CONTRACT_FILING_LATE") == 1);
        assertEquals(1, items("supervisor1", "work.contract.late", unsigned));
        assertEquals(2, items("supervisor1", "work.contract.late", signed));
        assertEquals(1, items("supplier4", "work.contract.signSoon", unsigned));
        assertEquals(1, items("purchaser1", "work.contract.signSoon", unsigned));
        assertEquals(
                "LATE",
                check(
                                get(
                                        "/api/v1/contracts/" + unsigned,
                                        token("purchaser1", DEMO_PASSWORD),
                                        null),
                                200,
                                "late view")
                        .getString("signStatus"));

        // each once: the flags are kept on the contract, set under its row lock
        assertEquals(1, audited(unsigned, "CONTRACT_SIGNING_LATE"));
        assertEquals(1, audited(signed, "CONTRACT_FILING_LATE"));
        assertEquals(2, items("supervisor1", "work.contract.late", signed));
        assertTrue(items("supplier4", "work.contract.signSoon", signed) == 0, "signed: no warning");
        // signing late is still signing: the flag stays, the contract goes on
        sign(unsigned, "supplier4");
        assertEquals(0, items("supplier4", "work.contract.signSoon", unsigned));
    }
}
