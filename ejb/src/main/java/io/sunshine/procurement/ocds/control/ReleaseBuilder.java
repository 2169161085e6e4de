package io.sunshine.procurement.ocds.control;

import io.sunshine.platform.control.Jsonp;
import io.sunshine.procurement.requirement.control.Category;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a published notice into an OCDS 1.1 release.
 *
 * <table>
 *   <caption>Notice type to release</caption>
 *   <tr><th>notice</th><th>tag</th><th>main section</th></tr>
 *   <tr><td>采购意向 {@link Notice.Intention}</td><td>planning</td><td>planning, tender (status
 *       planning)</td></tr>
 *   <tr><td>采购公告 {@link Notice.Procurement}</td><td>tender</td><td>tender (active)</td></tr>
 *   <tr><td>更正公告 {@link Notice.Correction}</td><td>tenderAmendment</td><td>tender with
 *       amendments</td></tr>
 *   <tr><td>终止公告 {@link Notice.Termination}</td><td>tenderCancellation</td><td>tender
 *       (cancelled)</td></tr>
 *   <tr><td>结果公告 {@link Notice.Award}</td><td>award</td><td>awards, tender.tenderers</td></tr>
 *   <tr><td>合同公告 {@link Notice.Contract}</td><td>contract</td><td>contracts</td></tr>
 *   <tr><td>验收公告 {@link Notice.Acceptance}</td><td>implementation</td><td>contracts[].implementation</td></tr>
 * </table>
 *
 * <p>The ocid is the registered prefix, a hyphen and the project's process id (see {@link
 * ProcurementProject#processId()}); the release id is the notice number, so each notice is one
 * release and republishing a notice yields the same release. Every party is identified by its
 * 统一社会信用代码 ({@link Organization#SCHEME}); dates are written by {@link OcdsDates}; amounts are CNY
 * with two decimals.
 */
public final class ReleaseBuilder {
    public static final String CURRENCY = "CNY";
    public static final String LANGUAGE = "zh";

    /** An ocid prefix as the OCDS helpdesk registers them: "ocds-" and six letters or digits. */
    private static final Pattern OCID_PREFIX = Pattern.compile("ocds-[a-z0-9]{6}");

    private final String ocidPrefix;

    /**
     * @param ocidPrefix the prefix registered for this platform with the OCDS helpdesk (e.g.
     *     "ocds-abc123"); configuration, because each deployment (city) registers its own
     */
    public ReleaseBuilder(String ocidPrefix) {
        Objects.requireNonNull(ocidPrefix, "An ocid prefix is required.");
        if (!OCID_PREFIX.matcher(ocidPrefix).matches()) {
            throw new IllegalArgumentException(
                    "Not a registered OCDS ocid prefix (ocds- and six characters): " + ocidPrefix);
        }
        this.ocidPrefix = ocidPrefix;
    }

    public String ocid(ProcurementProject project) {
        return ocid(project.processId());
    }

    /** The ocid of a contracting process: the prefix, a hyphen and the process id. */
    public String ocid(String processId) {
        return ocidPrefix + "-" + processId;
    }

    /**
     * The process id of an ocid this builder wrote, or empty when the ocid carries another prefix.
     */
    public Optional<String> processId(String ocid) {
        String head = ocidPrefix + "-";
        return ocid != null && ocid.startsWith(head) && ocid.length() > head.length()
                ? Optional.of(ocid.substring(head.length()))
                : Optional.empty();
    }

    /** The release for one notice, its tag chosen by the notice's type. */
    public JsonObject build(Notice notice) {
        Objects.requireNonNull(notice, "A notice is required.");
        if (notice instanceof Notice.Intention n) {
            return planning(n);
        } else if (notice instanceof Notice.Procurement n) {
            return tender(n);
        } else if (notice instanceof Notice.Correction n) {
            return tenderAmendment(n);
        } else if (notice instanceof Notice.Termination n) {
            return tenderCancellation(n);
        } else if (notice instanceof Notice.Award n) {
            return award(n);
        } else if (notice instanceof Notice.Contract n) {
            return contract(n);
        } else if (notice instanceof Notice.Acceptance n) {
            return implementation(n);
        }
        throw new IllegalArgumentException("Unknown notice type: " + notice.getClass());
    }

    private JsonObject planning(Notice.Intention n) {
        ProcurementProject p = n.project();
        Parties parties = Parties.of(p);
        JsonObjectBuilder budget =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("id", p.reference())
                        .add("description", p.title())
                        .add("amount", value(p.budget()));
        JsonObjectBuilder tender =
                tenderCore(p, "planning")
                        .add(
                                "tenderPeriod",
                                Jsonp.PROVIDER
                                        .createObjectBuilder()
                                        .add("startDate", OcdsDates.startOf(n.expectedStart())))
                        .add("documents", documents(n, "plannedProcurementNotice", "采购意向公开"));
        return release(n, "planning", parties)
                .add("planning", Jsonp.PROVIDER.createObjectBuilder().add("budget", budget))
                .add("tender", tender)
                .build();
    }

    private JsonObject tender(Notice.Procurement n) {
        ProcurementProject p = n.project();
        JsonObjectBuilder tender =
                tenderCore(p, "active")
                        .add(
                                "tenderPeriod",
                                Jsonp.PROVIDER
                                        .createObjectBuilder()
                                        .add("startDate", OcdsDates.format(n.publishedAt()))
                                        .add("endDate", OcdsDates.format(n.bidDeadline())))
                        .add(
                                "submissionMethod",
                                Jsonp.PROVIDER.createArrayBuilder().add("electronicSubmission"))
                        .add("documents", documents(n, "tenderNotice", "采购公告"));
        if (n.openingTime() != null) {
            tender.add(
                    "milestones",
                    Jsonp.PROVIDER
                            .createArrayBuilder()
                            .add(
                                    Jsonp.PROVIDER
                                            .createObjectBuilder()
                                            .add("id", n.noticeId() + "-opening")
                                            .add("title", "开标")
                                            .add("type", "assessment")
                                            .add("dueDate", OcdsDates.format(n.openingTime()))
                                            .add("status", "scheduled")));
        }
        return release(n, "tender", Parties.of(p)).add("tender", tender).build();
    }

    private JsonObject tenderAmendment(Notice.Correction n) {
        ProcurementProject p = n.project();
        JsonObjectBuilder tender = tenderCore(p, "active");
        if (n.newBidDeadline() != null) {
            tender.add(
                    "tenderPeriod",
                    Jsonp.PROVIDER
                            .createObjectBuilder()
                            .add("endDate", OcdsDates.format(n.newBidDeadline())));
        }
        tender.add(
                        "amendments",
                        Jsonp.PROVIDER
                                .createArrayBuilder()
                                .add(
                                        Jsonp.PROVIDER
                                                .createObjectBuilder()
                                                .add("id", n.noticeId())
                                                .add("date", OcdsDates.format(n.publishedAt()))
                                                .add("rationale", n.rationale())
                                                .add("amendsReleaseID", n.correctedNoticeId())
                                                .add("releaseID", n.noticeId())))
                .add("documents", documents(n, "tenderNotice", "更正公告"));
        return release(n, "tenderAmendment", Parties.of(p)).add("tender", tender).build();
    }

    private JsonObject tenderCancellation(Notice.Termination n) {
        ProcurementProject p = n.project();
        JsonArrayBuilder docs =
                Jsonp.PROVIDER
                        .createArrayBuilder()
                        .add(
                                document(n, "cancellationDetails", "终止公告")
                                        .add("description", n.reason()));
        JsonObjectBuilder tender = tenderCore(p, "cancelled").add("documents", docs);
        return release(n, "tenderCancellation", Parties.of(p)).add("tender", tender).build();
    }

    private JsonObject award(Notice.Award n) {
        ProcurementProject p = n.project();
        Parties parties = Parties.of(p);
        JsonArrayBuilder tenderers = Jsonp.PROVIDER.createArrayBuilder();
        for (Organization t : n.tenderers()) {
            parties.add(t, "tenderer");
            tenderers.add(reference(t));
        }
        JsonArrayBuilder awards = Jsonp.PROVIDER.createArrayBuilder();
        for (Notice.AwardedLot result : n.lots()) {
            Lot lot = p.lot(result.lotId());
            parties.add(result.supplier(), "supplier");
            awards.add(
                    Jsonp.PROVIDER
                            .createObjectBuilder()
                            .add("id", n.awardId(lot.id()))
                            .add("title", lot.title())
                            .add("status", "active")
                            .add("date", OcdsDates.format(n.publishedAt()))
                            .add("value", value(result.amount()))
                            .add(
                                    "suppliers",
                                    Jsonp.PROVIDER
                                            .createArrayBuilder()
                                            .add(reference(result.supplier())))
                            .add("items", items(lot.items()))
                            .add("documents", documents(n, "awardNotice", "结果公告")));
        }
        JsonObjectBuilder tender = Jsonp.PROVIDER.createObjectBuilder().add("id", p.reference());
        if (!n.tenderers().isEmpty()) {
            tender.add("tenderers", tenderers).add("numberOfTenderers", n.tenderers().size());
        }
        return release(n, "award", parties).add("tender", tender).add("awards", awards).build();
    }

    private JsonObject contract(Notice.Contract n) {
        ProcurementProject p = n.project();
        Lot lot = p.lot(n.lotId());
        JsonObjectBuilder contract =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("id", n.contractNumber())
                        .add("awardID", n.awardId())
                        .add("title", p.title() + " " + lot.title())
                        .add("status", "active")
                        .add("value", value(n.amount()))
                        .add("dateSigned", OcdsDates.format(n.signedAt()))
                        .add("items", items(lot.items()))
                        .add("documents", documents(n, "contractNotice", "合同公告"));
        if (n.periodStart() != null || n.periodEnd() != null) {
            JsonObjectBuilder period = Jsonp.PROVIDER.createObjectBuilder();
            if (n.periodStart() != null) {
                period.add("startDate", OcdsDates.startOf(n.periodStart()));
            }
            if (n.periodEnd() != null) {
                period.add("endDate", OcdsDates.endOf(n.periodEnd()));
            }
            contract.add("period", period);
        }
        return release(n, "contract", Parties.of(p))
                .add("contracts", Jsonp.PROVIDER.createArrayBuilder().add(contract))
                .build();
    }

    private JsonObject implementation(Notice.Acceptance n) {
        Notice.Contract c = n.contract();
        JsonObjectBuilder milestone =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("id", n.noticeId())
                        .add("title", "履约验收")
                        .add("type", "delivery")
                        .add("description", n.conclusion())
                        .add("status", "met")
                        .add("dateMet", OcdsDates.format(n.acceptedAt()));
        JsonObjectBuilder implementation =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("milestones", Jsonp.PROVIDER.createArrayBuilder().add(milestone))
                        .add("documents", documents(n, "completionCertificate", "验收结果公告"));
        JsonObjectBuilder contract =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("id", c.contractNumber())
                        .add("awardID", c.awardId())
                        .add("implementation", implementation);
        return release(n, "implementation", Parties.of(n.project()))
                .add("contracts", Jsonp.PROVIDER.createArrayBuilder().add(contract))
                .build();
    }

    /** What every release carries, the parties last so the builder can still add to them. */
    private JsonObjectBuilder release(Notice n, String tag, Parties parties) {
        ProcurementProject p = n.project();
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("ocid", ocid(p))
                .add("id", n.noticeId())
                .add("date", OcdsDates.format(n.publishedAt()))
                .add("tag", Jsonp.PROVIDER.createArrayBuilder().add(tag))
                .add("initiationType", "tender")
                .add("language", LANGUAGE)
                .add("parties", parties.toJson())
                .add("buyer", reference(p.buyer()));
    }

    /**
     * The tender fields that describe the project itself, repeated in each tender-stage release.
     */
    private static JsonObjectBuilder tenderCore(ProcurementProject p, String status) {
        JsonObjectBuilder tender =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("id", p.reference())
                        .add("title", p.title())
                        .add("status", status)
                        .add("items", items(p.items()))
                        .add("value", value(p.budget()))
                        .add("procurementMethod", MethodMapping.code(p.method()))
                        .add("procurementMethodDetails", MethodMapping.details(p.method()));
        if (p.procuringEntity() != null) {
            tender.add("procuringEntity", reference(p.procuringEntity()));
        }
        if (p.description() != null) {
            tender.add("description", p.description());
        }
        if (p.methodRationale() != null) {
            tender.add("procurementMethodRationale", p.methodRationale());
        }
        List<String> categories = categories(p);
        tender.add("mainProcurementCategory", categories.get(0));
        if (categories.size() > 1) {
            JsonArrayBuilder more = Jsonp.PROVIDER.createArrayBuilder();
            categories.subList(1, categories.size()).forEach(more::add);
            tender.add("additionalProcurementCategories", more);
        }
        return tender;
    }

    /**
     * The project's procurement categories from the catalogue letters of its items, the main one
     * first: the category with the largest estimated value (quantity × unit price), or the first
     * item's when no item has a price.
     */
    static List<String> categories(ProcurementProject p) {
        Map<Category, BigDecimal> weight = new EnumMap<>(Category.class);
        Category first = null;
        for (ProjectItem item : p.items()) {
            Category c =
                    Category.ofCode(item.catalogueCode())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "Not a catalogue code: "
                                                            + item.catalogueCode()));
            if (first == null) {
                first = c;
            }
            BigDecimal v =
                    item.unitPrice() == null
                            ? BigDecimal.ZERO
                            : item.unitPrice().multiply(item.quantity());
            weight.merge(c, v, BigDecimal::add);
        }
        Category main = first;
        for (Map.Entry<Category, BigDecimal> e : weight.entrySet()) {
            if (e.getValue().compareTo(weight.get(main)) > 0) {
                main = e.getKey();
            }
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(category(main));
        weight.keySet().forEach(c -> out.add(category(c)));
        return List.copyOf(out);
    }

    /** OCDS procurementCategory: 货物 goods, 工程 works, 服务 services. */
    static String category(Category c) {
        return switch (c) {
            case A -> "goods";
            case B -> "works";
            case C -> "services";
        };
    }

    private static JsonArrayBuilder items(List<ProjectItem> items) {
        JsonArrayBuilder out = Jsonp.PROVIDER.createArrayBuilder();
        for (ProjectItem i : items) {
            JsonObjectBuilder classification =
                    Jsonp.PROVIDER
                            .createObjectBuilder()
                            .add("scheme", ProjectItem.CLASSIFICATION_SCHEME)
                            .add("id", i.catalogueCode());
            if (i.catalogueName() != null) {
                classification.add("description", i.catalogueName());
            }
            JsonObjectBuilder item =
                    Jsonp.PROVIDER
                            .createObjectBuilder()
                            .add("id", i.id())
                            .add("description", i.description())
                            .add("classification", classification)
                            .add("quantity", i.quantity());
            if (i.unitName() != null || i.unitPrice() != null) {
                JsonObjectBuilder unit = Jsonp.PROVIDER.createObjectBuilder();
                if (i.unitName() != null) {
                    unit.add("name", i.unitName());
                }
                if (i.unitPrice() != null) {
                    unit.add("value", value(i.unitPrice()));
                }
                item.add("unit", unit);
            }
            out.add(item);
        }
        return out;
    }

    /** An amount in yuan: exactly two decimals, never rounded silently. */
    static JsonObjectBuilder value(BigDecimal amount) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("amount", amount.setScale(2, RoundingMode.UNNECESSARY))
                .add("currency", CURRENCY);
    }

    static JsonObjectBuilder reference(Organization o) {
        return Jsonp.PROVIDER.createObjectBuilder().add("id", o.partyId()).add("name", o.name());
    }

    private static JsonArrayBuilder documents(Notice n, String type, String title) {
        return Jsonp.PROVIDER.createArrayBuilder().add(document(n, type, title));
    }

    /** The notice itself as a document of the release. */
    private static JsonObjectBuilder document(Notice n, String type, String title) {
        JsonObjectBuilder d =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("id", n.noticeId())
                        .add("documentType", type)
                        .add("title", title + "：" + n.project().title())
                        .add("datePublished", OcdsDates.format(n.publishedAt()))
                        .add("language", LANGUAGE);
        URI url = n.url();
        if (url != null) {
            d.add("url", url.toString()).add("format", "text/html");
        }
        return d;
    }

    /** The parties of one release, each once with all its roles, in order of first mention. */
    static final class Parties {
        private final Map<String, Organization> organizations = new LinkedHashMap<>();
        private final Map<String, Set<String>> roles = new LinkedHashMap<>();

        static Parties of(ProcurementProject p) {
            Parties parties = new Parties();
            parties.add(p.buyer(), "buyer");
            if (p.procuringEntity() != null) {
                parties.add(p.procuringEntity(), "procuringEntity");
            }
            return parties;
        }

        void add(Organization o, String role) {
            organizations.putIfAbsent(o.partyId(), o);
            roles.computeIfAbsent(o.partyId(), k -> new LinkedHashSet<>()).add(role);
        }

        JsonArray toJson() {
            JsonArrayBuilder out = Jsonp.PROVIDER.createArrayBuilder();
            for (Organization o : organizations.values()) {
                JsonObjectBuilder party =
                        Jsonp.PROVIDER
                                .createObjectBuilder()
                                .add("id", o.partyId())
                                .add("name", o.name());
                if (o.creditCode() != null) {
                    party.add(
                            "identifier",
                            Jsonp.PROVIDER
                                    .createObjectBuilder()
                                    .add("scheme", Organization.SCHEME)
                                    .add("id", o.creditCode())
                                    .add("legalName", o.name()));
                }
                JsonObjectBuilder address =
                        Jsonp.PROVIDER.createObjectBuilder().add("countryName", "中国");
                if (o.address() != null) {
                    address.add("streetAddress", o.address());
                }
                party.add("address", address);
                if (o.contactName() != null || o.telephone() != null) {
                    JsonObjectBuilder contact = Jsonp.PROVIDER.createObjectBuilder();
                    if (o.contactName() != null) {
                        contact.add("name", o.contactName());
                    }
                    if (o.telephone() != null) {
                        contact.add("telephone", o.telephone());
                    }
                    party.add("contactPoint", contact);
                }
                JsonArrayBuilder r = Jsonp.PROVIDER.createArrayBuilder();
                roles.get(o.partyId()).forEach(r::add);
                out.add(party.add("roles", r));
            }
            return out.build();
        }
    }
}
