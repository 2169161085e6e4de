package io.sunshine.procurement.requirement.boundary;

import io.sunshine.budget.boundary.DemoBudget;
import io.sunshine.budget.boundary.LedgerWriter;
import io.sunshine.budget.entity.BudgetLine;
import io.sunshine.budget.entity.EntryKind;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.platform.boundary.DemoDataRequested;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.boundary.WorkQueue;
import io.sunshine.procurement.notice.boundary.Notices;
import io.sunshine.procurement.requirement.control.IntentionRule;
import io.sunshine.procurement.requirement.control.ItemDraft;
import io.sunshine.procurement.requirement.control.Items;
import io.sunshine.procurement.requirement.control.MethodDecision;
import io.sunshine.procurement.requirement.entity.ProcurementIntention;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.Requirement;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;

/**
 * Demo requirements in every state — draft, submitted, approved (intention prepared or published),
 * returned, cancelled — with the freezes and releases those states imply written through the
 * ledger, and the work items they leave. Checked against the rule table like any other requirement,
 * so demo data never shows what the platform would refuse.
 */
@Stateless
public class DemoRequirements {
    private static final Logger LOG = Logger.getLogger(DemoRequirements.class.getName());

    @PersistenceContext EntityManager em;
    @EJB ProcurementRules rules;
    @EJB WorkQueue work;
    @EJB Notices notices;
    @Inject Clock clock;

    public void load(@Observes @Priority(300) DemoDataRequested event) {
        JsonObject data = event.data();
        if (!data.containsKey("requirements")) {
            return;
        }
        if (em.createQuery("SELECT COUNT(r) FROM Requirement r", Long.class).getSingleResult()
                > 0) {
            LOG.info("Demo requirements already present; nothing to load.");
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformClock.SHANGHAI));
        int n = 0;
        for (JsonValue v : data.getJsonArray("requirements")) {
            create(v.asJsonObject(), today);
            n++;
        }
        LOG.info("Demo procurement: " + n + " requirements.");
    }

    private void create(JsonObject o, LocalDate today) {
        // a plan that stage 2 has already taken up was approved (and its intention published) weeks
        // ago: "backdateDays" dates its steps back, oldest first in the file so ledgers stay in
        // order
        int back = o.getInt("backdateDays", 0);
        Instant now = clock.instant().minus(Duration.ofDays(back));
        LocalDate asOf = today.minusDays(back);
        BudgetLine line =
                em.createQuery(
                                "SELECT l FROM BudgetLine l WHERE l.code = :c AND l.fiscalYear"
                                        + " = :y",
                                BudgetLine.class)
                        .setParameter("c", DemoBudget.code(o.getString("line"), today.getYear()))
                        .setParameter("y", today.getYear())
                        .getSingleResult();
        Organisation unit = line.getUnit();
        String by = o.getString("by");
        List<ItemDraft> drafts =
                o.getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .map(
                                i ->
                                        new ItemDraft(
                                                i.getString("code"),
                                                i.getString("name"),
                                                i.getString("specification", null),
                                                new BigDecimal(i.getString("quantity")),
                                                i.getString("unit"),
                                                new BigDecimal(i.getString("unitPrice"))))
                        .toList();
        Items.Result items = Items.check(drafts);
        ProcurementMethod method = ProcurementMethod.valueOf(o.getString("method"));
        MethodDecision decision =
                rules.current()
                        .decide(
                                items.category(),
                                items.total(),
                                items.items().stream().map(c -> c.item().catalogueCode()).toList());
        decision.check(method, items.total(), items.category());
        LocalDate start = today.plusDays(o.getInt("startInDays"));

        Requirement r = new Requirement(unit, now, by);
        r.describe(
                DemoBudget.code(o.getString("title"), today.getYear()),
                o.getString("summary", null),
                line,
                items.category().name(),
                method,
                o.getString("methodReason", null),
                decision.centralised(),
                items.total(),
                start);
        em.persist(r);
        r.assignReference(today.getYear());
        Requirements.addItems(em, r, items);
        String state = o.getString("state");
        String id = String.valueOf(r.getId());
        if (!state.equals("DRAFT") && !state.equals("CANCELLED_DRAFT")) {
            freeze(line, r, by, now);
            r.submitted(now);
        }
        switch (state) {
            case "SUBMITTED" ->
                    work.add(
                            "FINANCE",
                            null,
                            null,
                            Requirements.WORK_APPROVE,
                            Requirements.SUBJECT,
                            id,
                            r.getReference() + " " + r.getTitle() + " · " + unit.getName(),
                            null);
            case "APPROVED", "PUBLISHED" -> {
                r.approved(now, "finance1", o.getString("note", null));
                ProcurementIntention intention =
                        new ProcurementIntention(
                                r,
                                unit.getName(),
                                r.getTitle(),
                                r.getSummary() == null ? r.getTitle() : r.getSummary(),
                                r.getTotal(),
                                start,
                                now);
                em.persist(intention);
                if (state.equals("PUBLISHED")) {
                    IntentionRule.checkPublication(asOf, start);
                    intention.published(now, by);
                    em.flush();
                    notices.intention(r, intention, now, by);
                } else {
                    work.add(
                            "PURCHASER",
                            unit.getId(),
                            null,
                            Requirements.WORK_PUBLISH,
                            Requirements.SUBJECT,
                            id,
                            r.getReference() + " " + r.getTitle(),
                            IntentionRule.latestPublication(start)
                                    .plusDays(1)
                                    .atStartOfDay(PlatformClock.SHANGHAI)
                                    .toInstant());
                }
            }
            case "RETURNED" -> {
                String reason = o.getString("note");
                LedgerWriter.append(
                        em,
                        LedgerWriter.lock(em, line.getId()),
                        EntryKind.RELEASE,
                        r.getTotal(),
                        Requirements.SUBJECT,
                        r.getReference(),
                        reason,
                        now,
                        "finance1");
                r.returned(now, "finance1", reason);
                work.add(
                        "PURCHASER",
                        unit.getId(),
                        null,
                        Requirements.WORK_REVISE,
                        Requirements.SUBJECT,
                        id,
                        r.getReference() + " " + r.getTitle(),
                        null);
            }
            case "CANCELLED" -> {
                LedgerWriter.append(
                        em,
                        LedgerWriter.lock(em, line.getId()),
                        EntryKind.RELEASE,
                        r.getTotal(),
                        Requirements.SUBJECT,
                        r.getReference(),
                        null,
                        now,
                        by);
                r.cancelled();
            }
            case "DRAFT" -> {}
            default -> throw new IllegalArgumentException("Unknown demo state " + state);
        }
        em.flush();
    }

    private void freeze(BudgetLine line, Requirement r, String by, Instant now) {
        LedgerWriter.append(
                em,
                LedgerWriter.lock(em, line.getId()),
                EntryKind.FREEZE,
                r.getTotal(),
                Requirements.SUBJECT,
                r.getReference(),
                r.getTitle(),
                now,
                by);
    }
}
