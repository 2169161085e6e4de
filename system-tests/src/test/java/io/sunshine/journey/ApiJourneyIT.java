package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.token;
import static io.sunshine.support.TestServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whole journeys over the REST API of the real EAR, as a client system would make them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiJourneyIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @Test
    void healthIsUpOnPostgres() {
        Answer ready = get("/health/ready", null, null);
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        assertTrue(ready.body().contains("postgresql"), ready.body());
        assertEquals(200, get("/health/live", null, null).status());
    }

    @Test
    void metricsAndOpenApiArePublished() {
        token("finance1", DEMO_PASSWORD);
        Answer metrics = get("/metrics", null, null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("sunshine_sign_ins_total"), "custom sign-in counter");
        Answer openapi = get("/openapi", null, null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/auth/token"), openapi.body());
    }

    @Test
    void deadlineAfterWorkingDaysSkipsTheLabourDayHoliday() {
        Answer a = get("/api/v1/calendar/deadline?from=2026-04-28&workingDays=3", null, null);
        assertEquals(200, a.status(), a.body());
        assertEquals("2026-05-06", a.json().getString("date"));
    }

    @Test
    void deadlineInCalendarDaysMovesOffTheNationalDayHoliday() {
        Answer a = get("/api/v1/calendar/deadline?from=2025-09-15&days=20", null, null);
        assertEquals("2025-10-09", a.json().getString("date"));
        Answer makeUp = get("/api/v1/calendar/deadline?from=2025-09-26&workingDays=1", null, null);
        assertEquals("2025-09-28", makeUp.json().getString("date"), "the make-up Sunday counts");
    }

    @Test
    void badDeadlineQuestionsGetProblemsInTheCallersLanguage() {
        Answer badDate = get("/api/v1/calendar/deadline?from=2026-02-30&workingDays=3", null, null);
        assertEquals(400, badDate.status());
        assertTrue(
                badDate.contentType().startsWith("application/problem+json"),
                badDate.contentType());
        assertEquals("DATE_INVALID", badDate.code());
        assertEquals("from", badDate.json().getString("field"));
        assertTrue(badDate.json().getString("detail").contains("不是有效日期"), "Chinese by default");

        // 2030: beyond the shipped calendar and the test server's TEST-ONLY 2027–2028 rows
        Answer uncovered =
                get(
                        "/api/v1/calendar/deadline?from=2030-03-01&workingDays=3",
                        null,
                        "en-US,en;q=0.8");
        assertEquals(422, uncovered.status());
        assertEquals("CALENDAR_YEAR_NOT_COVERED", uncovered.code());
        assertTrue(uncovered.json().getString("detail").contains("2030"), uncovered.body());
        assertTrue(
                uncovered.json().getString("detail").startsWith("The platform"),
                "English when asked");

        Answer runsOut =
                get("/api/v1/calendar/deadline?from=2028-12-20&workingDays=30", null, "zh-CN");
        assertEquals("CALENDAR_YEAR_NOT_COVERED", runsOut.code());

        assertEquals(
                "PARAMETER_CONFLICT",
                get("/api/v1/calendar/deadline?from=2026-04-28&workingDays=3&days=3", null, null)
                        .code());
        assertEquals(
                "PARAMETER_MISSING",
                get("/api/v1/calendar/deadline?workingDays=3", null, null).code());
        assertEquals(
                "NUMBER_INVALID",
                get("/api/v1/calendar/deadline?from=2026-04-28&workingDays=%EF%BC%93", null, null)
                        .code());
        assertEquals(
                "PERIOD_OUT_OF_RANGE",
                get("/api/v1/calendar/deadline?from=2026-04-28&days=-1", null, null).code());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        Answer wrong =
                post(
                        "/api/v1/auth/token",
                        "{\"username\":\"finance1\",\"password\":\"nope\"}",
                        null,
                        "en");
        assertEquals(401, wrong.status());
        assertEquals("AUTH_FAILED", wrong.code());
        Answer unknown =
                post(
                        "/api/v1/auth/token",
                        "{\"username\":\"nobody-here\",\"password\":\"nope\"}",
                        null,
                        "en");
        assertEquals("AUTH_FAILED", unknown.code());
    }

    @Test
    void malformedBodiesAreRefusedClearly() {
        assertEquals("BODY_MALFORMED", post("/api/v1/auth/token", "{not json", null, null).code());
        assertEquals("BODY_MALFORMED", post("/api/v1/auth/token", "[1,2]", null, null).code());
        Answer missing = post("/api/v1/auth/token", "{\"username\":\"admin\"}", null, null);
        assertEquals("PARAMETER_MISSING", missing.code());
        assertEquals("password", missing.json().getString("field"));
        Answer wrongType =
                post("/api/v1/auth/token", "{\"username\":5,\"password\":\"x\"}", null, null);
        assertEquals("VALIDATION_FAILED", wrongType.code());
        assertEquals("username", wrongType.json().getString("field"));
    }

    @Test
    void aTokenWorksUntilLogoutAndAForgedOneNever() {
        String t = token("purchaser1", DEMO_PASSWORD);
        Answer me = get("/api/v1/auth/me", t, null);
        assertEquals(200, me.status());
        assertEquals("purchaser1", me.json().getString("username"));
        assertEquals(
                "TOKEN_INVALID",
                get("/api/v1/auth/me", t.substring(0, t.length() - 3) + "abc", null).code());
        assertEquals(204, post("/api/v1/auth/logout", null, t, null).status());
        Answer after = get("/api/v1/auth/me", t, null);
        assertEquals(401, after.status());
        assertEquals("TOKEN_INVALID", after.code());
        assertEquals("AUTHENTICATION_REQUIRED", get("/api/v1/my/work", null, null).code());
    }

    @Test
    void aSupplierCallingAnAdminEndpointIsRefusedAndAudited() throws SQLException {
        String supplier = token("supplier2", DEMO_PASSWORD);
        long before = countAudit("supplier2", "ACCESS_DENIED");
        Answer denied = post("/api/v1/users", "{}", supplier, "zh-CN");
        assertEquals(403, denied.status());
        assertEquals("ACCESS_DENIED", denied.code());
        Answer list = get("/api/v1/users", supplier, "zh-CN");
        assertEquals(403, list.status());
        assertEquals(before + 2, countAudit("supplier2", "ACCESS_DENIED"));

        String supervisor = token("supervisor1", DEMO_PASSWORD);
        Answer trail = get("/api/v1/audit?actor=supplier2&action=ACCESS_DENIED", supervisor, null);
        assertEquals(200, trail.status(), trail.body());
        JsonObject newest = trail.json().getJsonArray("entries").getJsonObject(0);
        assertEquals("SUPPLIER", newest.getString("actorRoles"));
        assertEquals("Endpoint", newest.getString("objectType"));
        assertEquals("GET /api/v1/users", newest.getString("objectId"));
    }

    @Test
    void anAdministratorCreatesOrganisationsAndUsersWithinTheRolesTheTypeAllows() {
        String admin = token("admin", DEMO_PASSWORD);
        String orgName = unique("测试代理机构");
        Answer org =
                post(
                        "/api/v1/organisations",
                        Json.createObjectBuilder()
                                .add("name", orgName)
                                .add("type", "AGENCY")
                                .build()
                                .toString(),
                        admin,
                        null);
        assertEquals(201, org.status(), org.body());
        long orgId = org.json().getJsonNumber("id").longValue();

        Answer badCode =
                post(
                        "/api/v1/organisations",
                        Json.createObjectBuilder()
                                .add("name", unique("测试公司"))
                                .add("type", "SUPPLIER")
                                .add("creditCode", "914403001922038217")
                                .build()
                                .toString(),
                        admin,
                        "zh-CN");
        assertEquals(400, badCode.status(), badCode.body());
        assertEquals("CREDIT_CODE_INVALID", badCode.code());
        assertEquals("creditCode", badCode.json().getString("field"));
        assertTrue(badCode.json().getString("detail").contains("第 18 位校验码不符"), badCode.body());
        Answer takenCode =
                post(
                        "/api/v1/organisations",
                        Json.createObjectBuilder()
                                .add("name", unique("测试公司"))
                                .add("type", "SUPPLIER")
                                .add("creditCode", demoSupplierCode())
                                .build()
                                .toString(),
                        admin,
                        "en");
        assertEquals(409, takenCode.status(), takenCode.body());
        assertEquals("CREDIT_CODE_TAKEN", takenCode.code());

        String username = unique("agent");
        Answer wrongRole =
                post("/api/v1/users", user(username, orgId, "FINANCE", "Str0ng#Pass"), admin, "en");
        assertEquals(422, wrongRole.status());
        assertEquals("ROLE_NOT_ALLOWED_FOR_ORGANISATION", wrongRole.code());
        Answer weak =
                post("/api/v1/users", user(username, orgId, "AGENCY", "password"), admin, "en");
        assertEquals("PASSWORD_TOO_WEAK", weak.code());
        assertEquals("password", weak.json().getString("field"));

        Answer created =
                post("/api/v1/users", user(username, orgId, "AGENCY", "Str0ng#Pass"), admin, null);
        assertEquals(201, created.status(), created.body());
        Answer me = get("/api/v1/auth/me", token(username, "Str0ng#Pass"), null);
        assertEquals("AGENCY", me.json().getJsonArray("roles").getString(0));
        assertEquals(orgName, me.json().getString("organisation"));
        assertEquals(
                "USERNAME_TAKEN",
                post("/api/v1/users", user(username, orgId, "AGENCY", "Str0ng#Pass"), admin, null)
                        .code());
    }

    @Test
    void fiveWrongPasswordsOverTheApiLockTheAccount() {
        String admin = token("admin", DEMO_PASSWORD);
        Answer org =
                post(
                        "/api/v1/organisations",
                        Json.createObjectBuilder()
                                .add("name", unique("锁定测试公司"))
                                .add("type", "SUPPLIER")
                                .add("sizeClass", "SMALL")
                                .build()
                                .toString(),
                        admin,
                        null);
        long orgId = org.json().getJsonNumber("id").longValue();
        String username = unique("locked");
        assertEquals(
                201,
                post("/api/v1/users", user(username, orgId, "SUPPLIER", "Str0ng#Pass"), admin, null)
                        .status());
        String live = token(username, "Str0ng#Pass");

        String wrong = "{\"username\":\"" + username + "\",\"password\":\"nope\"}";
        for (int i = 0; i < 4; i++) {
            assertEquals("AUTH_FAILED", post("/api/v1/auth/token", wrong, null, null).code());
        }
        Answer locked = post("/api/v1/auth/token", wrong, null, "en");
        assertEquals("ACCOUNT_LOCKED", locked.code());
        assertTrue(locked.json().getString("detail").contains("locked until"), locked.body());
        Answer right =
                post(
                        "/api/v1/auth/token",
                        "{\"username\":\"" + username + "\",\"password\":\"Str0ng#Pass\"}",
                        null,
                        null);
        assertEquals(
                "ACCOUNT_LOCKED",
                right.code(),
                "the right password does not open a locked account");
        assertEquals(
                "TOKEN_INVALID",
                get("/api/v1/auth/me", live, null).code(),
                "the lockout revoked the token");

        Answer unlocked = post("/api/v1/users/" + username + "/unlock", null, admin, null);
        assertEquals(200, unlocked.status(), unlocked.body());
        assertFalse(token(username, "Str0ng#Pass").isEmpty());
    }

    @Test
    void postgresRefusesToChangeTheAuditTrailForTheApplicationsRole() throws SQLException {
        try (Connection c = TestServer.asApplication();
                Statement s = c.createStatement()) {
            SQLException update =
                    assertThrows(
                            SQLException.class,
                            () -> s.executeUpdate("UPDATE audit_entry SET actor = 'x'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete =
                    assertThrows(
                            SQLException.class, () -> s.executeUpdate("DELETE FROM audit_entry"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            SQLException truncate =
                    assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE audit_entry"));
            assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
        }
    }

    @Test
    void aTamperedAuditRowIsNamedByTheSupervisorsVerification() throws SQLException {
        String supervisor = token("supervisor1", DEMO_PASSWORD);
        Answer clean = get("/api/v1/audit/verification", supervisor, null);
        assertEquals(200, clean.status(), clean.body());
        assertTrue(clean.json().getBoolean("intact"), clean.body());

        long victim;
        String original;
        try (Connection su = TestServer.asSuperuser();
                Statement s = su.createStatement()) {
            try (ResultSet r =
                    s.executeQuery(
                            "SELECT seq, actor FROM audit_entry WHERE action = 'SIGN_IN' ORDER BY"
                                    + " seq DESC LIMIT 1")) {
                r.next();
                victim = r.getLong(1);
                original = r.getString(2);
            }
            // a superuser who switches triggers off on purpose: the only way past the append-only
            // rule
            s.execute("SET session_replication_role = replica");
            try (PreparedStatement p =
                    su.prepareStatement("UPDATE audit_entry SET actor = 'mallory' WHERE seq = ?")) {
                p.setLong(1, victim);
                assertEquals(1, p.executeUpdate());
            }
            try {
                Answer broken = get("/api/v1/audit/verification", supervisor, null);
                assertFalse(broken.json().getBoolean("intact"), broken.body());
                assertEquals(victim, broken.json().getJsonNumber("firstBrokenSeq").longValue());
                assertEquals("ROW_ALTERED", broken.json().getString("reason"));
            } finally {
                try (PreparedStatement p =
                        su.prepareStatement("UPDATE audit_entry SET actor = ? WHERE seq = ?")) {
                    p.setString(1, original);
                    p.setLong(2, victim);
                    p.executeUpdate();
                }
            }
        }
        assertTrue(get("/api/v1/audit/verification", supervisor, null).json().getBoolean("intact"));
    }

    private static String user(String username, long orgId, String role, String password) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "测试 " + username)
                .add("organisationId", orgId)
                .add("roles", Json.createArrayBuilder().add(role))
                .add("password", password)
                .build()
                .toString();
    }

    /** The credit code of a demo supplier, as the demo data registered it. */
    private static String demoSupplierCode() {
        String admin = token("admin", DEMO_PASSWORD);
        return get("/api/v1/organisations", admin, null)
                .body()
                .replaceAll("(?s).*?\"creditCode\":\"(91[0-9A-Z]{16})\".*", "$1");
    }

    private static long countAudit(String actor, String action) throws SQLException {
        try (Connection c = TestServer.asApplication();
                PreparedStatement p =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action ="
                                        + " ?")) {
            p.setString(1, actor);
            p.setString(2, action);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Sends only the request head over a raw socket and returns the response head and body (read by
     * its Content-Length, so the test does not depend on the server closing the connection).
     */
    private static String rawHead(String head) throws Exception {
        java.net.URI base = java.net.URI.create(io.sunshine.support.TestServer.BASE_URL);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            while (!got.toString(java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                got.write(b);
            }
            String responseHead = got.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)")
                            .matcher(responseHead);
            byte[] body = m.find() ? in.readNBytes(Integer.parseInt(m.group(1))) : new byte[0];
            return responseHead + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // a client announcing five gigabytes is answered at once, without sending any of them
        String huge =
                rawHead(
                        "POST /api/v1/suppliers HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: application/json\r\nAccept-Language: en\r\n"
                                + "Content-Length: 5000000000\r\n\r\n");
        assertTrue(huge.startsWith("HTTP/1.1 413"), huge);
        assertTrue(huge.contains("BODY_TOO_LARGE"), huge);
        String upload =
                rawHead(
                        "POST /api/v1/suppliers/1/documents HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: multipart/form-data; boundary=x\r\n"
                                + "Content-Length: 20000000\r\n\r\n");
        assertTrue(upload.startsWith("HTTP/1.1 413"), upload);
        // a chunked body declares no length: it is counted as it is read and stopped at the cap
        String chunk = "x".repeat(560 * 1024);
        String chunked =
                rawHead(
                        "POST /api/v1/suppliers HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: application/json\r\nAccept-Language: en\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n"
                                + Integer.toHexString(chunk.length())
                                + "\r\n"
                                + chunk
                                + "\r\n"
                                + Integer.toHexString(chunk.length())
                                + "\r\n"
                                + chunk
                                + "\r\n0\r\n\r\n");
        assertTrue(chunked.startsWith("HTTP/1.1 413"), chunked);
        assertTrue(chunked.contains("BODY_TOO_LARGE"), chunked);
    }

    @Test
    void theStatutoryNoticePeriodsArePublicAndCountOnTheHolidayCalendar() {
        Answer table = get("/api/v1/rules/notice-periods", null, "en");
        assertEquals(200, table.status(), table.body());
        assertTrue(table.body().contains("\"rule\":\"20 days\""), table.body());
        assertTrue(table.body().contains("Government Procurement Law, art. 35"), table.body());
        // 20 days after 15 Sep 2025 is 5 Oct, inside the National Day holiday: the 9th
        Answer tender =
                get(
                        "/api/v1/rules/notice-periods/earliest-deadline?method=OPEN_TENDER"
                                + "&publishedOn=2025-09-15",
                        null,
                        "zh-CN");
        assertEquals(200, tender.status(), tender.body());
        assertEquals("2025-10-09", tender.json().getString("earliestDeadline"));
        assertEquals("《政府采购法》第三十五条", tender.json().getString("source"));
        Answer bad =
                get(
                        "/api/v1/rules/notice-periods/earliest-deadline?method=AUCTIONEER"
                                + "&publishedOn=2025-09-15",
                        null,
                        null);
        assertEquals(400, bad.status());
        assertEquals("method", bad.json().getString("field"));
        Answer uncovered =
                get(
                        "/api/v1/rules/notice-periods/earliest-deadline?method=OPEN_TENDER"
                                + "&publishedOn=2030-12-20",
                        null,
                        null);
        assertEquals(422, uncovered.status(), uncovered.body());
        assertEquals("CALENDAR_YEAR_NOT_COVERED", uncovered.code());
    }
}
