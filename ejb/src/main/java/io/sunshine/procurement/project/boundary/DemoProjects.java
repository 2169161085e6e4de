package io.sunshine.procurement.project.boundary;

import io.sunshine.budget.boundary.DemoBudget;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.platform.boundary.DemoData;
import io.sunshine.platform.boundary.DemoDataRequested;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.control.DocumentStore;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.auction.boundary.Auctions;
import io.sunshine.procurement.notice.boundary.NoticeRules;
import io.sunshine.procurement.notice.boundary.Notices;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.LotItem;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectDocument;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.Requirement;
import io.sunshine.procurement.requirement.entity.RequirementItem;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo procurement projects for the run command: the approved plans of the demo file that carry a
 * "project" are opened by the agency, given their document (a real PDF from {@code
 * config/demo/documents/}) and published days ago — an open tender, a consultation reserved to SMEs
 * with a correction, a request for quotation, and an online reverse auction whose start is a few
 * minutes after the run command finishes. Every deadline is checked against the statutory period on
 * the holiday calendar, as a published notice would be; where the calendar does not cover the year
 * yet, the demo's own margins (generous calendar days) stand.
 */
@Stateless
public class DemoProjects {
    private static final Logger LOG = Logger.getLogger(DemoProjects.class.getName());

    @PersistenceContext EntityManager em;
    @EJB Directory directory;
    @EJB Notices notices;
    @EJB Auctions auctions;
    @Inject NoticeRules rules;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "sunshine.storage.dir")
    Optional<String> storageDir;

    public void load(@Observes @Priority(400) DemoDataRequested event) {
        JsonObject data = event.data();
        if (!data.containsKey("requirements")
                || em.createQuery("SELECT COUNT(p) FROM Project p", Long.class).getSingleResult()
                        > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformClock.SHANGHAI));
        int n = 0;
        for (JsonValue v : data.getJsonArray("requirements")) {
            JsonObject o = v.asJsonObject();
            if (o.containsKey("project")) {
                open(o, o.getJsonObject("project"), today);
                n++;
            }
        }
        LOG.info("Demo procurement: " + n + " published projects.");
    }

    private void open(JsonObject req, JsonObject o, LocalDate today) {
        Requirement r =
                em.createQuery("SELECT r FROM Requirement r WHERE r.title = :t", Requirement.class)
                        .setParameter("t", DemoBudget.code(req.getString("title"), today.getYear()))
                        .getSingleResult();
        Organisation agency =
                em.find(
                        Organisation.class,
                        directory
                                .findAccount(o.getString("agency"))
                                .orElseThrow()
                                .organisationId());
        String by = o.getString("agency");
        Instant now = clock.instant();
        Instant published =
                today.minusDays(o.getInt("publishedDaysAgo"))
                        .atTime(LocalTime.of(9, 0))
                        .atZone(PlatformClock.SHANGHAI)
                        .toInstant();
        ProcurementMethod method = r.getMethod();
        Instant deadline;
        Instant auctionStart = null;
        if (method == ProcurementMethod.REVERSE_AUCTION) {
            // enrolment closes when the auction starts, a few minutes after the demo is up
            auctionStart =
                    now.plus(Duration.ofMinutes(o.getInt("auctionStartsInMinutes")))
                            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            deadline = auctionStart;
        } else {
            deadline =
                    today.plusDays(o.getInt("deadlineInDays"))
                            .atTime(LocalTime.of(9, 30))
                            .atZone(PlatformClock.SHANGHAI)
                            .toInstant();
        }
        checkPeriod(method, published, auctionStart != null ? auctionStart : deadline);

        Project p = new Project(r.getUnit(), agency, published.minus(Duration.ofDays(1)), by);
        p.describe(
                o.getString("title"),
                r.getSummary(),
                method,
                r.getMethodReason(),
                r.getCategory(),
                o.getString("qualification", null),
                deadline,
                auctionStart);
        p.carry(List.of(r));
        ProjectLot lot =
                new ProjectLot(
                        p,
                        1,
                        o.getString("title"),
                        o.containsKey("bidSecurity")
                                ? new BigDecimal(o.getString("bidSecurity"))
                                : null,
                        o.getBoolean("smeOnly", false),
                        null);
        List<LotItem> items = new ArrayList<>();
        int line = 1;
        for (RequirementItem i : r.getItems()) {
            items.add(new LotItem(lot, line++, i));
        }
        lot.carry(items);
        if (lot.getBidSecurity() != null) {
            rules.bidSecurity()
                    .check(
                            io.sunshine.platform.control.Money.of(lot.getBidSecurity()),
                            io.sunshine.platform.control.Money.of(lot.getBudget()),
                            "bidSecurity");
        }
        p.replaceLots(List.of(lot));
        em.persist(p);
        p.assignReference(today.getYear());

        ProjectDocument doc = document(p, o, published, by);
        p.published(published, by);
        em.flush();
        if (method == ProcurementMethod.REVERSE_AUCTION) {
            auctions.open(p);
        }
        if (o.containsKey("enrolled")) {
            // demo suppliers already enrolled (the day after publication), so that the demo
            // auction can be joined at once
            Instant at = published.plus(Duration.ofDays(1));
            for (JsonValue u : o.getJsonArray("enrolled")) {
                String username = ((jakarta.json.JsonString) u).getString();
                Organisation supplier =
                        em.find(
                                Organisation.class,
                                directory.findAccount(username).orElseThrow().organisationId());
                em.persist(
                        new io.sunshine.procurement.project.entity.Enrolment(
                                p, lot.getLotNo(), supplier, username, at));
            }
        }
        PublishedNotice notice = notices.procurement(p, List.of(doc), published, by);
        if (o.containsKey("correction")) {
            JsonObject c = o.getJsonObject("correction");
            Instant at =
                    today.minusDays(c.getInt("daysAgo"))
                            .atTime(LocalTime.of(15, 0))
                            .atZone(PlatformClock.SHANGHAI)
                            .toInstant();
            notices.correction(p, notice, c.getString("rationale"), false, deadline, at, by);
        }
    }

    private void checkPeriod(ProcurementMethod method, Instant published, Instant end) {
        try {
            rules.periods().check(method, published, end, "deadline");
        } catch (Refusal r) {
            if (r.code() != io.sunshine.platform.control.ProblemCode.CALENDAR_YEAR_NOT_COVERED) {
                throw new IllegalStateException(
                        "Demo project breaks the statutory period: " + r.code(), r);
            }
        }
    }

    private ProjectDocument document(Project p, JsonObject o, Instant at, String by) {
        Path demoFile = Path.of(System.getProperty(DemoData.PROPERTY));
        Path source = demoFile.getParent().resolve("documents").resolve(o.getString("document"));
        try {
            byte[] bytes = Files.readAllBytes(source);
            DocumentStore.Stored stored = DocumentStore.area(storageDir, "procurement").put(bytes);
            ProjectDocument d =
                    new ProjectDocument(
                            p,
                            o.getString("documentName"),
                            stored.storageName(),
                            stored.sha256(),
                            stored.size(),
                            at.minus(Duration.ofHours(1)),
                            by);
            em.persist(d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
