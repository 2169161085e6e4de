package io.sunshine.procurement.contract.control;

import io.sunshine.platform.control.Jsonp;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot a contract version keeps of what its PDF says — the content and where the two
 * signature boxes are — as JSON in the {@code contract.content} column. Amounts are written as
 * strings so that no cent is lost to a binary float on the way.
 *
 * <pre>{@code
 * String json = ContractJson.write(content, rendered.purchaserBox(), rendered.supplierBox());
 * ContractJson.Stored s = ContractJson.read(json); // s.content().equals(content)
 * }</pre>
 */
public final class ContractJson {
    private ContractJson() {}

    /** What a version keeps: the content and the signature boxes of its rendering. */
    public record Stored(
            ContractContent content, SignatureBox purchaserBox, SignatureBox supplierBox) {}

    public static String write(
            ContractContent c, SignatureBox purchaserBox, SignatureBox supplierBox) {
        JsonArrayBuilder items = Jsonp.PROVIDER.createArrayBuilder();
        for (ContractItem i : c.items()) {
            items.add(
                    Jsonp.PROVIDER
                            .createObjectBuilder()
                            .add("lineNo", i.lineNo())
                            .add("name", i.name())
                            .add("specification", text(i.specification()))
                            .add("unit", text(i.unit()))
                            .add("quantity", i.quantity().toPlainString())
                            .add("unitPrice", i.unitPrice().toPlainString())
                            .add("amount", i.amount().toPlainString()));
        }
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("contractNumber", c.contractNumber())
                .add("title", c.title())
                .add("projectCode", c.projectCode())
                .add("projectTitle", c.projectTitle())
                .add("lotNo", c.lotNo())
                .add("lotTitle", c.lotTitle())
                .add("method", c.method().name())
                .add("awardNoticeDate", c.awardNoticeDate().toString())
                .add("purchaser", party(c.purchaser()))
                .add("supplier", party(c.supplier()))
                .add("items", items)
                .add("total", c.total().toPlainString())
                .add("terms", termsObject(c.terms()))
                .add("draftedAt", c.draftedAt().toString())
                .add("version", c.version())
                .add("purchaserBox", box(purchaserBox))
                .add("supplierBox", box(supplierBox))
                .build()
                .toString();
    }

    public static Stored read(String json) {
        JsonObject o;
        try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(json))) {
            o = r.readObject();
        }
        List<ContractItem> items = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("items")) {
            JsonObject i = v.asJsonObject();
            items.add(
                    new ContractItem(
                            i.getInt("lineNo"),
                            i.getString("name"),
                            nullable(i, "specification"),
                            nullable(i, "unit"),
                            new BigDecimal(i.getString("quantity")),
                            new BigDecimal(i.getString("unitPrice")),
                            new BigDecimal(i.getString("amount"))));
        }
        ContractContent c =
                new ContractContent(
                        o.getString("contractNumber"),
                        o.getString("title"),
                        o.getString("projectCode"),
                        o.getString("projectTitle"),
                        o.getInt("lotNo"),
                        o.getString("lotTitle"),
                        ProcurementMethod.valueOf(o.getString("method")),
                        LocalDate.parse(o.getString("awardNoticeDate")),
                        party(o.getJsonObject("purchaser")),
                        party(o.getJsonObject("supplier")),
                        items,
                        new BigDecimal(o.getString("total")),
                        terms(o.getJsonObject("terms")),
                        Instant.parse(o.getString("draftedAt")),
                        o.getInt("version"));
        return new Stored(
                c, box(o.getJsonObject("purchaserBox")), box(o.getJsonObject("supplierBox")));
    }

    /** The two signature boxes only, without reading the content back (each signature). */
    public static Boxes boxes(String json) {
        JsonObject o;
        try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(json))) {
            o = r.readObject();
        }
        return new Boxes(box(o.getJsonObject("purchaserBox")), box(o.getJsonObject("supplierBox")));
    }

    /** Where the buyer's and the supplier's seals go. */
    public record Boxes(SignatureBox purchaserBox, SignatureBox supplierBox) {}

    /** The terms as one line of JSON (for the audit trail's before/after). */
    public static String terms(ContractTerms t) {
        return termsObject(t).build().toString();
    }

    private static JsonObjectBuilder termsObject(ContractTerms t) {
        JsonArrayBuilder ms = Jsonp.PROVIDER.createArrayBuilder();
        for (Milestone m : t.milestones()) {
            ms.add(
                    Jsonp.PROVIDER
                            .createObjectBuilder()
                            .add("name", text(m.name()))
                            .add("percent", m.percent().toPlainString())
                            .add("condition", text(m.condition())));
        }
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("deliveryPlace", text(t.deliveryPlace()))
                .add("deliveryPeriod", text(t.deliveryPeriod()))
                .add("acceptance", text(t.acceptance()))
                .add("warranty", text(t.warranty()))
                .add("milestones", ms)
                .add("bondPercent", t.bondPercent().toPlainString())
                .add("dispute", t.dispute().name())
                .add("disputeBody", text(t.disputeBody()))
                .add("otherTerms", text(t.otherTerms()));
    }

    private static ContractTerms terms(JsonObject o) {
        List<Milestone> ms = new ArrayList<>();
        JsonArray a = o.getJsonArray("milestones");
        for (JsonValue v : a) {
            JsonObject m = v.asJsonObject();
            ms.add(
                    new Milestone(
                            nullable(m, "name"),
                            new BigDecimal(m.getString("percent")),
                            nullable(m, "condition")));
        }
        return new ContractTerms(
                nullable(o, "deliveryPlace"),
                nullable(o, "deliveryPeriod"),
                nullable(o, "acceptance"),
                nullable(o, "warranty"),
                ms,
                new BigDecimal(o.getString("bondPercent")),
                DisputeResolution.valueOf(o.getString("dispute")),
                nullable(o, "disputeBody"),
                nullable(o, "otherTerms"));
    }

    private static JsonObjectBuilder party(Party p) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("name", p.name())
                .add("creditCode", p.creditCode())
                .add("address", p.address())
                .add("contact", text(p.contact()))
                .add("phone", text(p.phone()))
                .add("bankName", p.bankName())
                .add("bankAccountName", p.bankAccountName())
                .add("bankAccountNumber", p.bankAccountNumber());
    }

    private static Party party(JsonObject o) {
        return new Party(
                o.getString("name"),
                o.getString("creditCode"),
                o.getString("address"),
                nullable(o, "contact"),
                nullable(o, "phone"),
                o.getString("bankName"),
                o.getString("bankAccountName"),
                o.getString("bankAccountNumber"));
    }

    private static JsonObjectBuilder box(SignatureBox b) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("page", b.pageIndex())
                .add("x", b.x())
                .add("y", b.y())
                .add("width", b.width())
                .add("height", b.height());
    }

    private static SignatureBox box(JsonObject o) {
        return new SignatureBox(
                o.getInt("page"), f(o, "x"), f(o, "y"), f(o, "width"), f(o, "height"));
    }

    private static float f(JsonObject o, String k) {
        JsonNumber n = o.getJsonNumber(k);
        return (float) n.doubleValue();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String nullable(JsonObject o, String k) {
        String s = o.isNull(k) ? null : o.getString(k, null);
        return s == null || s.isEmpty() ? null : s;
    }
}
