package io.sunshine.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;

/**
 * A secret key the platform generates for itself on first use (e.g. the bearer-token signing key).
 * Kept in the database so that every instance of a cluster signs and checks with the same key; it
 * is never in the repository or in configuration files.
 */
@Entity
@Table(name = "platform_key")
public class PlatformKey {
    @Id
    @Column(name = "name", length = 60)
    private String name;

    @Column(name = "key_material", nullable = false, length = 200)
    private String keyMaterial;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PlatformKey() {}

    public String getName() {
        return name;
    }

    public byte[] key() {
        return Base64.getDecoder().decode(keyMaterial);
    }
}
