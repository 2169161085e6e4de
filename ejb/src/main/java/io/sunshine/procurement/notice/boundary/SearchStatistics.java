package io.sunshine.procurement.notice.boundary;

import io.sunshine.procurement.notice.control.NoticeSearch;
import io.sunshine.procurement.notice.control.SearchPlan;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What PostgreSQL's statistics say about the search terms of the notices (the most common terms of
 * {@code notice.search_vector} and their shares, and the number of notices), read at most every ten
 * minutes, for {@link SearchPlan}. Each instance of a cluster keeps its own copy: the figures only
 * steer the choice of a plan, never a result, so a stale or missing copy costs time, not
 * correctness. PostgreSQL only.
 */
@Singleton
@Lock(LockType.READ)
// outside the caller's transaction: a failed read must not doom the search it serves
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchStatistics {
    private static final Logger LOG = Logger.getLogger(SearchStatistics.class.getName());
    private static final Duration FRESH = Duration.ofMinutes(10);

    @PersistenceContext EntityManager em;

    private record Snapshot(
            Map<String, Double> frequencies, double floor, long rows, Instant readAt) {}

    private volatile Snapshot snapshot;

    /** The way to run this search for a page of {@code limit} rows. */
    public SearchPlan.Way choose(NoticeSearch search, int limit) {
        Snapshot s = current();
        return SearchPlan.choose(search, s.frequencies(), s.floor(), s.rows(), limit);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.readAt().plus(FRESH).isBefore(Instant.now())) {
            s = read();
            snapshot = s;
        }
        return s;
    }

    private Snapshot read() {
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    em.createNativeQuery(
                                    "SELECT array_to_string(s.most_common_elems::text::text[], '"
                                        + " '), array_to_string(s.most_common_elem_freqs, ' '),"
                                        + " c.reltuples::bigint FROM pg_stats s JOIN pg_class c ON"
                                        + " c.relname = s.tablename AND c.relnamespace ="
                                        + " s.schemaname::regnamespace WHERE s.schemaname ="
                                        + " current_schema() AND s.tablename = 'notice' AND"
                                        + " s.attname = 'search_vector'")
                            .getResultList();
            if (rows.isEmpty() || rows.get(0)[0] == null || rows.get(0)[1] == null) {
                return new Snapshot(Map.of(), 0, 0, Instant.now());
            }
            String[] terms = ((String) rows.get(0)[0]).split(" ");
            String[] shares = ((String) rows.get(0)[1]).split(" ");
            Map<String, Double> frequencies = new HashMap<>();
            for (int i = 0; i < terms.length && i < shares.length; i++) {
                frequencies.put(terms[i], Double.parseDouble(shares[i]));
            }
            // after the terms' shares: the lowest and highest share, then the share of empty rows
            double floor =
                    shares.length > terms.length
                            ? Double.parseDouble(shares[terms.length])
                            : frequencies.values().stream().min(Double::compare).orElse(0.0);
            long count = ((Number) rows.get(0)[2]).longValue();
            return new Snapshot(Map.copyOf(frequencies), floor, count, Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Search statistics unreadable; the planner decides alone", e);
            return new Snapshot(Map.of(), 0, 0, Instant.now());
        }
    }
}
