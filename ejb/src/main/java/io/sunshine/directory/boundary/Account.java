package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.AppUser;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.Role;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A user as other components and pages see it: no password hash, no entity. */
public record Account(
        long id,
        String username,
        String displayName,
        long organisationId,
        String organisationName,
        OrganisationType organisationType,
        Set<Role> roles,
        boolean active,
        Instant lockedUntil,
        int failedSignIns,
        Instant lastSignInAt,
        Instant createdAt)
        implements Serializable {

    public Account {
        roles = Set.copyOf(roles);
    }

    static Account of(AppUser u) {
        return new Account(
                u.getId(),
                u.getUsername(),
                u.getDisplayName(),
                u.getOrganisation().getId(),
                u.getOrganisation().getName(),
                u.getOrganisation().getType(),
                u.getRoles(),
                u.isActive(),
                u.getLockedUntil(),
                u.getFailedSignIns(),
                u.getLastSignInAt(),
                u.getCreatedAt());
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Role names, sorted, for security groups. */
    public Set<String> roleNames() {
        return roles.stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Role names joined by commas, as the audit trail records them. */
    public String rolesText() {
        return String.join(",", roleNames());
    }
}
