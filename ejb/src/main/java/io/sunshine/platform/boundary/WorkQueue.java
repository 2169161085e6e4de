package io.sunshine.platform.boundary;

import io.sunshine.platform.entity.WorkItem;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The "my work" inbox. Stages add an item when a command creates work for someone and close it when
 * the work is done; a user sees the open items addressed to one of their roles, within their
 * organisation (or to any organisation) and to them (or to anyone with the role), soonest deadline
 * first.
 */
@Stateless
public class WorkQueue {
    @PersistenceContext EntityManager em;
    @Inject Clock clock;

    /** An open item as the page shows it. */
    public record Item(
            long id,
            String role,
            String kind,
            String subjectType,
            String subjectId,
            String title,
            Instant dueAt,
            Instant createdAt,
            boolean overdue)
            implements Serializable {}

    /** Adds work for a role (optionally one organisation / one user); returns the item's id. */
    @PermitAll
    public long add(
            String role,
            Long organisationId,
            Long userId,
            String kind,
            String subjectType,
            String subjectId,
            String title,
            Instant dueAt) {
        WorkItem w =
                new WorkItem(
                        role,
                        organisationId,
                        userId,
                        kind,
                        subjectType,
                        subjectId,
                        title,
                        dueAt,
                        clock.instant());
        em.persist(w);
        em.flush();
        return w.getId();
    }

    /** Closes every open item about a subject of a kind (the work was done). */
    @PermitAll
    public int complete(String kind, String subjectType, String subjectId) {
        List<WorkItem> open =
                em.createQuery(
                                "SELECT w FROM WorkItem w WHERE w.kind = :k AND w.subjectType = :t"
                                        + " AND w.subjectId = :s AND w.doneAt IS NULL",
                                WorkItem.class)
                        .setParameter("k", kind)
                        .setParameter("t", subjectType)
                        .setParameter("s", subjectId)
                        .getResultList();
        Instant now = clock.instant();
        open.forEach(w -> w.complete(now));
        return open.size();
    }

    /**
     * Closes the open items about a subject of a kind addressed to one role of one organisation
     * (one party's part of shared work is done).
     */
    @PermitAll
    public int complete(
            String kind, String subjectType, String subjectId, String role, long organisationId) {
        List<WorkItem> open =
                em.createQuery(
                                "SELECT w FROM WorkItem w WHERE w.kind = :k AND w.subjectType = :t"
                                        + " AND w.subjectId = :s AND w.assigneeRole = :r AND"
                                        + " w.organisationId = :o AND w.doneAt IS NULL",
                                WorkItem.class)
                        .setParameter("k", kind)
                        .setParameter("t", subjectType)
                        .setParameter("s", subjectId)
                        .setParameter("r", role)
                        .setParameter("o", organisationId)
                        .getResultList();
        Instant now = clock.instant();
        open.forEach(w -> w.complete(now));
        return open.size();
    }

    /** The open work of a user with these roles in this organisation. */
    @PermitAll
    public List<Item> openFor(long userId, long organisationId, Collection<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return em.createQuery(
                        "SELECT w FROM WorkItem w WHERE w.doneAt IS NULL AND w.assigneeRole IN"
                                + " :roles AND (w.organisationId IS NULL OR w.organisationId ="
                                + " :org) AND (w.assigneeUserId IS NULL OR w.assigneeUserId ="
                                + " :user) ORDER BY w.dueAt, w.createdAt",
                        WorkItem.class)
                .setParameter("roles", roles)
                .setParameter("org", organisationId)
                .setParameter("user", userId)
                .setMaxResults(200)
                .getResultStream()
                .map(
                        w ->
                                new Item(
                                        w.getId(),
                                        w.getAssigneeRole(),
                                        w.getKind(),
                                        w.getSubjectType(),
                                        w.getSubjectId(),
                                        w.getTitle(),
                                        w.getDueAt(),
                                        w.getCreatedAt(),
                                        w.getDueAt() != null && w.getDueAt().isBefore(now)))
                .toList();
    }
}
