package io.sunshine.procurement.requirement.boundary;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.control.MethodRules;
import io.sunshine.procurement.requirement.entity.RuleSetting;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The procurement method rule table: the defaults shipped in {@code
 * config/rules/procurement-methods.properties}, with the administrator's changes kept in the
 * database (so every instance of a cluster sees the same table) and audited.
 */
@Stateless
public class ProcurementRules {
    static final String RESOURCE = "/io/sunshine/procurement/rules/procurement-methods.properties";
    private static final Map<String, String> DEFAULTS = loadDefaults();

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @Resource SessionContext session;
    @Inject Clock clock;

    /** One rule as the administrator's page shows it. */
    public record Rule(
            String key, String value, String defaultValue, Instant updatedAt, String updatedBy)
            implements Serializable {
        public boolean changed() {
            return !value.equals(defaultValue);
        }
    }

    static Map<String, String> loadDefaults() {
        try (InputStream in = ProcurementRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The rule table " + RESOURCE + " is missing.");
            }
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String key : MethodRules.keys()) {
                m.put(key, p.getProperty(key));
            }
            MethodRules.parse(m); // the shipped table must itself be valid
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table in force. Public: which method a purchase needs is public information. */
    @PermitAll
    public MethodRules current() {
        return MethodRules.parse(values());
    }

    private Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>(DEFAULTS);
        for (RuleSetting s :
                em.createQuery("SELECT s FROM RuleSetting s", RuleSetting.class).getResultList()) {
            if (m.containsKey(s.getKey())) {
                m.put(s.getKey(), s.getValue());
            }
        }
        return m;
    }

    @PermitAll
    public List<Rule> rules() {
        Map<String, RuleSetting> settings = new LinkedHashMap<>();
        em.createQuery("SELECT s FROM RuleSetting s", RuleSetting.class)
                .getResultList()
                .forEach(s -> settings.put(s.getKey(), s));
        return MethodRules.keys().stream()
                .map(
                        k -> {
                            RuleSetting s = settings.get(k);
                            return new Rule(
                                    k,
                                    s == null ? DEFAULTS.get(k) : s.getValue(),
                                    DEFAULTS.get(k),
                                    s == null ? null : s.getUpdatedAt(),
                                    s == null ? null : s.getUpdatedBy());
                        })
                .toList();
    }

    /**
     * Changes rules; the whole table must stay valid. Unknown keys are refused; unchanged values
     * are left alone.
     *
     * @return the number of rules changed
     */
    @RolesAllowed("ADMIN")
    public int change(Map<String, String> changes) {
        Map<String, String> before = values();
        Map<String, String> after = new LinkedHashMap<>(before);
        for (Map.Entry<String, String> c : changes.entrySet()) {
            if (!before.containsKey(c.getKey())) {
                throw new Refusal(ProblemCode.RULE_VALUE_INVALID, c.getKey(), c.getKey());
            }
            after.put(c.getKey(), c.getValue() == null ? "" : c.getValue().strip());
        }
        MethodRules parsed = MethodRules.parse(after); // refuses an invalid table
        Map<String, String> normalised = parsed.values();
        int changed = 0;
        Instant now = clock.instant();
        String by = session.getCallerPrincipal().getName();
        for (String key : MethodRules.keys()) {
            String value = normalised.get(key);
            if (value.equals(MethodRules.parse(before).values().get(key))) {
                continue;
            }
            RuleSetting s = em.find(RuleSetting.class, key);
            if (s == null) {
                em.persist(new RuleSetting(key, value, now, by));
            } else {
                s.change(value, now, by);
            }
            audit.record("RULE_CHANGED", "Rule", key, before.get(key), value);
            changed++;
        }
        return changed;
    }
}
