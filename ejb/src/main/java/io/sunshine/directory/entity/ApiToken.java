package io.sunshine.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token issued to a user of the REST API. The token itself is signed and carries its
 * expiry; this row lets the platform revoke it (at logout, at lockout) on every instance.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {
    @Id
    @Column(name = "token_id", length = 43)
    private String tokenId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false)
    private AppUser user;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 30)
    private String revokedReason;

    protected ApiToken() {}

    public ApiToken(String tokenId, AppUser user, Instant issuedAt, Instant expiresAt) {
        this.tokenId = Objects.requireNonNull(tokenId);
        this.user = Objects.requireNonNull(user);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public void revoke(Instant at, String reason) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedReason = reason;
        }
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public String getTokenId() {
        return tokenId;
    }

    public AppUser getUser() {
        return user;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedReason() {
        return revokedReason;
    }
}
