package io.sunshine.directory.entity;

import io.sunshine.directory.control.LockoutPolicy;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in. Belongs to one organisation, whose type bounds the roles the user may
 * hold; carries the password hash and the state of the sign-in lockout.
 */
@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 40)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Version private long version;

    protected AppUser() {}

    public AppUser(
            String username,
            String displayName,
            Organisation organisation,
            Set<Role> roles,
            String passwordHash,
            Instant createdAt) {
        this.username = Objects.requireNonNull(username, "A user needs a user name.");
        this.displayName = Objects.requireNonNull(displayName, "A user needs a name.").strip();
        if (this.displayName.isEmpty() || this.displayName.length() > 100) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "displayName");
        }
        this.organisation = Objects.requireNonNull(organisation, "A user needs an organisation.");
        this.passwordHash = Objects.requireNonNull(passwordHash, "A user needs a password.");
        this.createdAt = Objects.requireNonNull(createdAt, "A user needs its creation time.");
        assignRoles(roles);
    }

    /** Replaces the roles; each must be allowed by the organisation's type. */
    public final void assignRoles(Set<Role> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new Refusal(ProblemCode.ROLES_MISSING, "roles");
        }
        for (Role r : newRoles) {
            if (!organisation.getType().allows(r)) {
                throw new Refusal(
                        ProblemCode.ROLE_NOT_ALLOWED_FOR_ORGANISATION,
                        "roles",
                        r.name(),
                        organisation.getType().name());
            }
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a failed sign-in; returns true when this failure locks the account. A failure after an
     * expired lock starts a new count.
     */
    public boolean recordFailedSignIn(Instant now, LockoutPolicy policy) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            lockedUntil = null;
            failedSignIns = 0;
        }
        failedSignIns++;
        Instant until = policy.lockUntilAfterFailure(failedSignIns, now);
        if (until != null && lockedUntil == null) {
            lockedUntil = until;
            return true;
        }
        return false;
    }

    public void recordSuccessfulSignIn(Instant now) {
        failedSignIns = 0;
        lockedUntil = null;
        lastSignInAt = now;
    }

    /**
     * The right password confirmed an act (a signature): the failures before it no longer count. A
     * lock stays.
     */
    public void confirmedPassword(Instant now) {
        if (!isLockedAt(now)) {
            failedSignIns = 0;
        }
    }

    /** An administrator lifts a lock before it runs out. */
    public void unlock() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public void replacePasswordHash(String hash) {
        this.passwordHash = Objects.requireNonNull(hash);
    }

    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public int getFailedSignIns() {
        return failedSignIns;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }
}
