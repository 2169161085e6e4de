package io.sunshine.directory.boundary;

import io.sunshine.directory.control.PasswordHasher;
import io.sunshine.directory.entity.AppUser;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.Role;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.boundary.DemoDataRequested;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The directory's part of the demo data: the city's organisations and one user per demo log-in.
 * Loaded once; a server restarted in demo mode finds {@code admin} and leaves everything as it is.
 */
@Stateless
public class DemoAccounts {
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @Inject Clock clock;

    public void load(@Observes @Priority(100) DemoDataRequested event) {
        if (Users.byUsername(em, "admin").isPresent()) {
            LOG.info("Demo accounts already present; nothing to load.");
            return;
        }
        JsonObject data = event.data();
        Map<String, Organisation> orgs = new HashMap<>();
        for (JsonValue v : data.getJsonArray("organisations")) {
            JsonObject o = v.asJsonObject();
            String size = o.getString("sizeClass", null);
            Organisation org =
                    new Organisation(
                            o.getString("name"),
                            OrganisationType.valueOf(o.getString("type")),
                            o.getString("creditCode", null),
                            size == null ? null : SizeClass.valueOf(size),
                            clock.instant());
            org.describe(
                    o.getString("address", null),
                    o.getString("legalRepresentative", null),
                    o.getString("phone", null),
                    o.getString("bankName", null),
                    o.getString("bankAccountName", null),
                    o.getString("bankAccountNumber", null));
            em.persist(org);
            orgs.put(o.getString("key"), org);
        }
        List<JsonObject> users =
                data.getJsonArray("users").stream().map(JsonValue::asJsonObject).toList();
        char[] password = data.getString("password").toCharArray();
        // 600,000 PBKDF2 iterations per user: hash on every core; each user still gets its own
        // salt.
        List<String> hashes =
                users.parallelStream()
                        .map(u -> new PasswordHasher().hash(password.clone()))
                        .toList();
        for (int i = 0; i < users.size(); i++) {
            JsonObject u = users.get(i);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonValue r : u.getJsonArray("roles")) {
                roles.add(Role.valueOf(((JsonString) r).getString()));
            }
            Organisation org = orgs.get(u.getString("organisation"));
            em.persist(
                    new AppUser(
                            u.getString("username"),
                            u.getString("name"),
                            org,
                            roles,
                            hashes.get(i),
                            clock.instant()));
        }
        audit.record(
                "DEMO_DATA_LOADED",
                "Directory",
                "demo",
                null,
                "organisations=" + orgs.size() + "; users=" + users.size());
        LOG.info(
                () ->
                        "Demo accounts loaded: "
                                + orgs.size()
                                + " organisations, "
                                + users.size()
                                + " users.");
    }
}
