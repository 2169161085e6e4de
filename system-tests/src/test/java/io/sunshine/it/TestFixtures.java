package io.sunshine.it;

import io.sunshine.directory.control.PasswordHasher;
import io.sunshine.directory.entity.AppUser;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;

/**
 * Test data for the in-container tests: an organisation and a user of a role, created directly (the
 * directory's own ADMIN-only commands are tested over the API).
 */
@Stateless
public class TestFixtures {
    @PersistenceContext EntityManager em;

    public String supplierUser(String username, String password) {
        Organisation org =
                new Organisation(
                        "测试供应商" + username, OrganisationType.SUPPLIER, null, null, Instant.now());
        em.persist(org);
        em.persist(
                new AppUser(
                        username,
                        "测试用户",
                        org,
                        Set.of(Role.SUPPLIER),
                        new PasswordHasher().hash(password.toCharArray()),
                        Instant.now()));
        return username;
    }

    /** Runs a native statement as the application's database role (no trigger bypass). */
    public int executeAsApplication(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }

    public long countAudit(String actor, String action) {
        return em.createQuery(
                        "SELECT COUNT(e) FROM AuditEntry e WHERE e.actor = :a AND e.action = :x",
                        Long.class)
                .setParameter("a", actor)
                .setParameter("x", action)
                .getSingleResult();
    }

    /** Rows of one action whose previous hash is not the hash of the row before them. */
    public long unlinked(String action) {
        return ((Number)
                        em.createNativeQuery(
                                        "SELECT COUNT(*) FROM audit_entry e JOIN audit_entry p ON"
                                                + " p.seq = e.seq - 1 WHERE e.action = ?1 AND"
                                                + " e.prev_hash <> p.hash")
                                .setParameter(1, action)
                                .getSingleResult())
                .longValue();
    }

    public Instant lockedUntil(String username) {
        return em.createQuery(
                        "SELECT u.lockedUntil FROM AppUser u WHERE u.username = :u", Instant.class)
                .setParameter("u", username)
                .getSingleResult();
    }
}
