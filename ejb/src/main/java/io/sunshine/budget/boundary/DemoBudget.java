package io.sunshine.budget.boundary;

import io.sunshine.budget.entity.BudgetLine;
import io.sunshine.budget.entity.EntryKind;
import io.sunshine.budget.entity.FundingSource;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.platform.boundary.DemoDataRequested;
import io.sunshine.platform.boundary.PlatformClock;
import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * The budget's part of the demo data: this year's lines of the demo units, each appropriated
 * through the ledger like any other line. {@code {year}} in a code is the current year.
 */
@Stateless
public class DemoBudget {
    private static final Logger LOG = Logger.getLogger(DemoBudget.class.getName());

    @PersistenceContext EntityManager em;
    @Inject Clock clock;

    public void load(@Observes @Priority(200) DemoDataRequested event) {
        JsonObject data = event.data();
        if (!data.containsKey("budgetLines")) {
            return;
        }
        int year = LocalDate.now(clock.withZone(PlatformClock.SHANGHAI)).getYear();
        if (em.createQuery("SELECT COUNT(l) FROM BudgetLine l", Long.class).getSingleResult() > 0) {
            LOG.info("Demo budget lines already present; nothing to load.");
            return;
        }
        int n = 0;
        for (JsonValue v : data.getJsonArray("budgetLines")) {
            JsonObject o = v.asJsonObject();
            Organisation unit =
                    em.createQuery(
                                    "SELECT o FROM Organisation o WHERE o.name = :n",
                                    Organisation.class)
                            .setParameter("n", o.getString("unit"))
                            .getSingleResult();
            BudgetLine line =
                    new BudgetLine(
                            year,
                            code(o.getString("code"), year),
                            o.getString("name"),
                            unit,
                            o.getString("functionalCode"),
                            o.getString("economicCode"),
                            FundingSource.valueOf(o.getString("fundingSource")),
                            clock.instant(),
                            "finance1");
            em.persist(line);
            LedgerWriter.append(
                    em,
                    line,
                    EntryKind.APPROPRIATION,
                    new BigDecimal(o.getString("approved")),
                    null,
                    null,
                    null,
                    clock.instant(),
                    "finance1");
            n++;
        }
        LOG.info("Demo budget: " + n + " lines.");
    }

    /** A demo line code with the current year in place of {year}. */
    public static String code(String template, int year) {
        return template.replace("{year}", String.valueOf(year));
    }
}
