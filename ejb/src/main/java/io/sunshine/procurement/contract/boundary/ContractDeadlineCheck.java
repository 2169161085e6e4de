package io.sunshine.procurement.contract.boundary;

import io.sunshine.platform.boundary.WorkQueue;
import io.sunshine.procurement.contract.control.ContractDeadlines;
import io.sunshine.procurement.contract.control.ContractState;
import io.sunshine.procurement.contract.entity.Contract;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One contract's deadlines checked, in a transaction of its own ({@link ContractWatch}). */
@Stateless
@PermitAll
public class ContractDeadlineCheck {
    @PersistenceContext EntityManager em;
    @EJB WorkQueue work;
    @EJB AuditTrail audit;

    /**
     * Contracts with a warning or flag that may have fallen due (the warning's day is checked
     * exactly, under the lock, by {@link #check}).
     */
    public List<Long> due(Instant now) {
        return em.createQuery(
                        "SELECT c.id FROM Contract c WHERE (c.state IN :open AND ((c.signWarnedAt"
                                + " IS NULL AND c.awardPublishedAt <= :warnCut) OR (c.signLateAt"
                                + " IS NULL AND c.signDue <= :now))) OR (c.state IN :signed"
                                + " AND ((c.notice IS NULL AND c.noticeLateAt IS NULL AND"
                                + " c.noticeDue <= :now) OR (c.state = :unfiled AND"
                                + " c.filingLateAt IS NULL AND c.filingDue <= :now)))",
                        Long.class)
                .setParameter("open", List.of(ContractState.DRAFT, ContractState.SIGNING))
                .setParameter("signed", List.of(ContractState.SIGNED, ContractState.FILED))
                .setParameter("unfiled", ContractState.SIGNED)
                .setParameter("now", now)
                .setParameter(
                        "warnCut", now.minus(Duration.ofDays(ContractDeadlines.SIGN_WARN_DAY - 1L)))
                .setMaxResults(500)
                .getResultList();
    }

    public void check(long id, Instant now) {
        Contract c = em.find(Contract.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return;
        }
        String sid = String.valueOf(id);
        String title = c.getContractNo() + " " + c.getProject().getTitle();
        boolean open = c.getState() == ContractState.DRAFT || c.getState() == ContractState.SIGNING;
        if (open
                && c.getSignWarnedAt() == null
                && !now.isBefore(ContractDeadlines.signWarnFrom(c.getAwardPublishedAt()))) {
            c.signWarned(now);
            for (var party : List.of("PURCHASER", "SUPPLIER")) {
                long org =
                        party.equals("PURCHASER")
                                ? c.getPurchaser().getId()
                                : c.getSupplier().getId();
                boolean signed =
                        c.getSignatures().stream().anyMatch(s -> s.getParty().name().equals(party));
                if (!signed) {
                    work.add(
                            party,
                            org,
                            null,
                            Contracts.WORK_SIGN_SOON,
                            Contracts.SUBJECT,
                            sid,
                            cut(title),
                            c.getSignDue());
                }
            }
        }
        if (open && c.getSignLateAt() == null && !now.isBefore(c.getSignDue())) {
            c.signLate(now);
            flag(c, "CONTRACT_SIGNING_LATE", "未在成交通知书发出之日起30日内签订合同", c.getSignDue());
        }
        boolean signed =
                c.getState() == ContractState.SIGNED || c.getState() == ContractState.FILED;
        if (signed
                && c.getNotice() == null
                && c.getNoticeLateAt() == null
                && c.getNoticeDue() != null
                && !now.isBefore(c.getNoticeDue())) {
            c.noticeLate(now);
            flag(c, "CONTRACT_NOTICE_LATE", "合同签订后2个工作日内未公告", c.getNoticeDue());
        }
        if (c.getState() == ContractState.SIGNED
                && c.getFilingLateAt() == null
                && c.getFilingDue() != null
                && !now.isBefore(c.getFilingDue())) {
            c.filingLate(now);
            flag(c, "CONTRACT_FILING_LATE", "合同签订后7个工作日内未备案", c.getFilingDue());
        }
    }

    private void flag(Contract c, String action, String what, Instant due) {
        String sid = String.valueOf(c.getId());
        work.add(
                "SUPERVISOR",
                null,
                null,
                Contracts.WORK_LATE,
                Contracts.SUBJECT,
                sid,
                cut(c.getContractNo() + " " + c.getPurchaser().getName() + "：" + what),
                null);
        audit.recordFor(
                new AuditTrail.Actor(AuditTrail.SYSTEM, null, null),
                action,
                Contracts.SUBJECT,
                sid,
                null,
                "due=" + due + "; purchaser=" + c.getPurchaser().getId());
    }

    private static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300);
    }
}
