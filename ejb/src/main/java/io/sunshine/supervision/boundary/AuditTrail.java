package io.sunshine.supervision.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.boundary.RequestCaller;
import io.sunshine.platform.boundary.CallerContext;
import io.sunshine.supervision.control.AuditRecord;
import io.sunshine.supervision.control.ChainVerifier;
import io.sunshine.supervision.control.ChainVerifier.StoredRow;
import io.sunshine.supervision.control.ChainVerifier.Verdict;
import io.sunshine.supervision.entity.AuditChainHead;
import io.sunshine.supervision.entity.AuditEntry;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail: every state change and every refusal that matters is appended here, chained by
 * hash. {@link #record} joins the caller's transaction (the row exists only if the change does);
 * {@link #recordRefusal} writes outside it, with the other refusals of the moment ({@link
 * RefusalQueue}), so a refused command's record survives the rollback of the command.
 *
 * <p>Appends serialise on the chain head row ({@code SELECT … FOR UPDATE}), which keeps one
 * unbroken chain across threads and across the instances of a cluster.
 */
@Stateless
@DeclareRoles({"SUPERVISOR", "ADMIN"})
public class AuditTrail {
    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    @PersistenceContext EntityManager em;
    @Resource SessionContext session;
    @EJB Directory directory;
    @EJB RefusalQueue refusals;
    @Inject Clock clock;
    @Inject Instance<CallerContext> callerContext;
    @Inject Instance<RequestCaller> requestCaller;

    /** Who did something, as the trail records it. */
    public record Actor(String name, String roles, String organisation) {
        public static Actor of(Account a) {
            return new Actor(a.username(), a.rolesText(), a.organisationName());
        }
    }

    /** Records an action of the signed-in caller (or "system" when there is none). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long record(
            String action, String objectType, String objectId, String before, String after) {
        return append(currentActor(), action, objectType, objectId, before, after);
    }

    /** Records an action on behalf of a named actor (e.g. a sign-in, before there is a caller). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long recordFor(
            Actor actor,
            String action,
            String objectType,
            String objectId,
            String before,
            String after) {
        return append(actor, action, objectType, objectId, before, after);
    }

    /**
     * Records a refusal of the caller outside the caller's transaction, so it stays when the
     * refused command rolls back: it joins the refusals waiting in the {@link RefusalQueue},
     * appended together, and returns once it is committed.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void recordRefusal(
            String action, String objectType, String objectId, String before, String after) {
        refusals.record(
                new Pending(
                        currentActor(),
                        clientAddress(),
                        action,
                        objectType,
                        objectId,
                        before,
                        after));
    }

    /**
     * A refusal noted in one request and recorded later, by whichever thread writes a batch of
     * them: who was refused and from where are taken in the refused request.
     */
    public record Pending(
            Actor actor,
            String clientAddress,
            String action,
            String objectType,
            String objectId,
            String before,
            String after) {}

    /**
     * Records several refusals, in their order, in one transaction of its own: one turn of the
     * chain head's lock and one commit for all of them, where {@link #recordRefusal} takes one
     * each.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusals(List<Pending> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        AuditChainHead head = lockedHead();
        for (Pending p : refusals) {
            append(
                    head,
                    p.actor(),
                    p.clientAddress(),
                    p.action(),
                    p.objectType(),
                    p.objectId(),
                    p.before(),
                    p.after());
        }
    }

    private long append(
            Actor actor,
            String action,
            String objectType,
            String objectId,
            String before,
            String after) {
        return append(
                lockedHead(), actor, clientAddress(), action, objectType, objectId, before, after);
    }

    private AuditChainHead lockedHead() {
        return em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    private long append(
            AuditChainHead head,
            Actor actor,
            String clientAddress,
            String action,
            String objectType,
            String objectId,
            String before,
            String after) {
        AuditRecord r =
                new AuditRecord(
                        clock.instant(),
                        cut(actor.name(), 60),
                        cut(actor.roles(), 120),
                        cut(actor.organisation(), 200),
                        cut(clientAddress, 64),
                        cut(action, 60),
                        cut(objectType, 60),
                        cut(objectId, 200),
                        cut(before, 2000),
                        cut(after, 2000));
        long seq = head.getLastSeq() + 1;
        AuditEntry entry = new AuditEntry(seq, r, head.getLastHash());
        em.persist(entry);
        head.advance(seq, entry.getHash());
        return seq;
    }

    /** Verifies the whole chain and names the first broken row. */
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Verdict verify() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        long last = head.getLastSeq();
        ChainVerifier verifier = new ChainVerifier();
        long after = 0;
        final int page = 2000;
        while (true) {
            List<AuditEntry> rows =
                    em.createQuery(
                                    "SELECT e FROM AuditEntry e WHERE e.seq > :after AND e.seq <="
                                            + " :last ORDER BY e.seq",
                                    AuditEntry.class)
                            .setParameter("after", after)
                            .setParameter("last", last)
                            .setMaxResults(page)
                            .getResultList();
            for (AuditEntry e : rows) {
                if (!verifier.accept(
                        new StoredRow(e.getSeq(), e.record(), e.getPreviousHash(), e.getHash()))) {
                    return verifier.finish(last);
                }
                after = e.getSeq();
            }
            em.clear();
            if (rows.size() < page) {
                return verifier.finish(last);
            }
        }
    }

    /** A page of the trail, newest first, optionally for one actor and/or action. */
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public List<AuditEntryView> search(String actor, String action, int first, int max) {
        TypedQuery<AuditEntry> q =
                filtered(
                        "SELECT e FROM AuditEntry e",
                        actor,
                        action,
                        " ORDER BY e.seq DESC",
                        AuditEntry.class);
        return q
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, max), 500))
                .getResultList()
                .stream()
                .map(AuditEntryView::of)
                .toList();
    }

    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public long count(String actor, String action) {
        return filtered("SELECT COUNT(e) FROM AuditEntry e", actor, action, "", Long.class)
                .getSingleResult();
    }

    private <T> TypedQuery<T> filtered(
            String select, String actor, String action, String order, Class<T> type) {
        String a = blankToNull(actor);
        String x = blankToNull(action);
        StringBuilder jpql = new StringBuilder(select);
        if (a != null || x != null) {
            jpql.append(" WHERE ");
            if (a != null) {
                jpql.append("e.actor = :actor");
            }
            if (x != null) {
                jpql.append(a != null ? " AND " : "").append("e.action = :action");
            }
        }
        TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), type);
        if (a != null) {
            q.setParameter("actor", a);
        }
        if (x != null) {
            q.setParameter("action", x);
        }
        return q;
    }

    /** The caller's own recent sign-ins and refusals: everyone may see their own. */
    @PermitAll
    public List<AuditEntryView> mySecurityEvents(int max) {
        Principal p = session.getCallerPrincipal();
        if (p == null || ANONYMOUS.equalsIgnoreCase(p.getName())) {
            return List.of();
        }
        return em
                .createQuery(
                        "SELECT e FROM AuditEntry e WHERE e.actor = :actor AND e.action IN"
                                + " ('SIGN_IN','SIGN_IN_FAILED','SIGN_IN_REFUSED','ACCOUNT_LOCKED',"
                                + "'SIGN_OUT','TOKEN_ISSUED') ORDER BY e.seq DESC",
                        AuditEntry.class)
                .setParameter("actor", p.getName())
                .setMaxResults(Math.min(Math.max(1, max), 50))
                .getResultList()
                .stream()
                .map(AuditEntryView::of)
                .toList();
    }

    private Actor currentActor() {
        Principal p = session.getCallerPrincipal();
        if (p == null || p.getName() == null || ANONYMOUS.equalsIgnoreCase(p.getName())) {
            return new Actor(clientAddress() == null ? SYSTEM : ANONYMOUS, null, null);
        }
        Optional<Account> a =
                RequestCaller.of(requestCaller, p.getName())
                        .or(() -> directory.findAccount(p.getName()));
        return a.map(Actor::of).orElse(new Actor(p.getName(), null, null));
    }

    private String clientAddress() {
        return CallerContext.addressOf(callerContext);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
