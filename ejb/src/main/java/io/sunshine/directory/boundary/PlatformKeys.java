package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.PlatformKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's own secret keys, generated at first start and kept in the database, so that every
 * instance of a cluster uses the same key and none is ever in the repository or a config file. Two
 * instances starting together both try to insert; {@code ON CONFLICT DO NOTHING} lets the first win
 * and both then read the winner's key.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@Lock(LockType.READ)
public class PlatformKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext EntityManager em;
    @Inject Clock clock;

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    @PostConstruct
    void ensureKeys() {
        keys.put(TokenService.KEY_NAME, loadOrCreate(TokenService.KEY_NAME));
    }

    /** The 256-bit key of that name. */
    public byte[] key(String name) {
        byte[] k = keys.get(name);
        if (k == null) {
            throw new IllegalStateException("No platform key named " + name);
        }
        return k.clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        em.createNativeQuery(
                        "INSERT INTO platform_key (name, key_material, created_at) VALUES (?1, ?2,"
                                + " ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, name)
                .setParameter(2, Base64.getEncoder().encodeToString(fresh))
                .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        return em.find(PlatformKey.class, name).key();
    }
}
