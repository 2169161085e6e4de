package io.sunshine.support;

import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.postBytes;
import static io.sunshine.support.TestServer.unique;

import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Stage 1 and 2 data for journeys, made through the public REST API as the demo users would: a
 * budget line, an approved plan, a project with documents, published. Every call is checked; a
 * fixture that fails says which call and why.
 */
public final class Procurement {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Procurement() {}

    /** One requirement item: catalogue code, name, quantity, unit, unit price (yuan, text). */
    public record Item(String code, String name, String quantity, String unit, String price) {}

    public static JsonObject check(Answer a, int status, String what) {
        if (a.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but " + a.body());
        }
        return a.json();
    }

    /** The unit of purchaser1 (the demo education bureau). */
    public static long unitOf(String purchaserToken) {
        Answer a = get("/api/v1/auth/me", purchaserToken, null);
        return check(a, 200, "who am I").getJsonNumber("organisationId").longValue();
    }

    /**
     * A plan of the purchaser's unit, approved by FINANCE against a fresh budget line with room for
     * it; its planned start is far enough ahead for the intention rule.
     */
    public static JsonObject approvedPlan(
            String purchaser, String finance, String method, String reason, List<Item> items) {
        long unit = unitOf(purchaser);
        JsonObject line =
                check(
                        post(
                                "/api/v1/budget/lines",
                                Json.createObjectBuilder()
                                        .add("fiscalYear", LocalDate.now(SHANGHAI).getYear())
                                        .add("code", unique("IT-P-"))
                                        .add("name", "项目测试指标")
                                        .add("unitId", unit)
                                        .add("functionalCode", "2050299")
                                        .add("economicCode", "31002")
                                        .add("fundingSource", "GENERAL_PUBLIC_BUDGET")
                                        .add("approved", "90000000.00")
                                        .build()
                                        .toString(),
                                finance,
                                null),
                        201,
                        "budget line");
        JsonArrayBuilder itemArray = Json.createArrayBuilder();
        for (Item i : items) {
            itemArray.add(
                    Json.createObjectBuilder()
                            .add("catalogueCode", i.code())
                            .add("name", i.name())
                            .add("quantity", i.quantity())
                            .add("unit", i.unit())
                            .add("unitPrice", i.price()));
        }
        var draft =
                Json.createObjectBuilder()
                        .add("title", unique("测试采购"))
                        .add("budgetLineId", line.getJsonNumber("id").longValue())
                        .add("method", method)
                        .add("plannedStart", LocalDate.now(SHANGHAI).plusDays(60).toString())
                        .add("items", itemArray);
        if (reason != null) {
            draft.add("methodReason", reason);
        }
        JsonObject r =
                check(
                        post("/api/v1/requirements", draft.build().toString(), purchaser, null),
                        201,
                        "requirement");
        long id = r.getJsonNumber("id").longValue();
        check(
                post("/api/v1/requirements/" + id + "/submission", "", purchaser, null),
                200,
                "submit");
        return check(
                post("/api/v1/requirements/" + id + "/approval", "", finance, null),
                200,
                "approve");
    }

    /** The ids of a requirement's items, in order. */
    public static List<Long> itemIds(JsonObject requirement) {
        return requirement.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    /** A small but real PDF whose text says what it is. */
    public static byte[] pdf(String title) {
        // a minimal well-formed PDF 1.4: one page, one line of Helvetica text
        String content =
                "BT /F1 18 Tf 72 720 Td (" + title.replaceAll("[^A-Za-z0-9 ]", "") + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = sb.toString().getBytes(StandardCharsets.ISO_8859_1).length;
            sb.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = sb.toString().getBytes(StandardCharsets.ISO_8859_1).length;
        sb.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            sb.append(String.format("%010d 00000 n \n", o));
        }
        sb.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Uploads a PDF to a draft project; returns the document. */
    public static JsonObject upload(String token, long projectId, String fileName) {
        return check(
                postBytes(
                        "/api/v1/projects/"
                                + projectId
                                + "/documents?name="
                                + URLEncoder.encode(fileName, StandardCharsets.UTF_8),
                        pdf("Procurement documents " + projectId),
                        "application/pdf",
                        token,
                        null),
                201,
                "upload");
    }

    /** A project body: the requirement, title, method, deadline (ISO with offset), no lots. */
    public static String projectBody(
            long requirementId, String title, String method, String deadline, String auctionStart) {
        var b =
                Json.createObjectBuilder()
                        .add("requirementIds", Json.createArrayBuilder().add(requirementId))
                        .add("title", title)
                        .add("description", title + "，详见采购文件。")
                        .add("method", method)
                        .add("qualification", "具有有效的营业执照")
                        .add("bidDeadline", deadline);
        if (auctionStart != null) {
            b.add("auctionStart", auctionStart);
        }
        return b.build().toString();
    }

    /** Opens, documents and publishes a project; returns the published project. */
    public static JsonObject published(
            String agency, long requirementId, String title, String method, String deadline) {
        JsonObject p =
                check(
                        post(
                                "/api/v1/projects",
                                projectBody(
                                        requirementId,
                                        title,
                                        method,
                                        deadline,
                                        method.equals("REVERSE_AUCTION") ? deadline : null),
                                agency,
                                null),
                        201,
                        "open project");
        long id = p.getJsonNumber("id").longValue();
        upload(agency, id, "采购文件.pdf");
        return check(post("/api/v1/projects/" + id + "/publish", "", agency, null), 200, "publish");
    }

    /** A deadline {@code days} calendar days from today at 09:30 Beijing time, ISO with offset. */
    public static String deadlineIn(int days) {
        return LocalDate.now(SHANGHAI)
                .plusDays(days)
                .atTime(9, 30)
                .atZone(SHANGHAI)
                .toOffsetDateTime()
                .toString();
    }

    public static JsonArray array(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readArray();
        }
    }
}
