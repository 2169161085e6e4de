package io.sunshine.platform.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.CurrentUser;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditEntryView;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.control.ChainVerifier.Verdict;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The landing page of every role: the open work items addressed to the user, and per role the lists
 * that need attention now (locked accounts for the administrator, the latest audit entries and the
 * state of the chain for the supervisor), plus the user's own recent sign-ins.
 */
@Named
@ViewScoped
public class MyWork implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB WorkQueue work;
    @EJB AuditTrail audit;
    @EJB Directory directory;
    @Inject CurrentUser currentUser;

    private Account account;
    private List<WorkQueue.Item> items;
    private List<Account> lockedAccounts;
    private List<AuditEntryView> recentAudit;
    private List<AuditEntryView> mySecurityEvents;
    private Verdict chain;

    @PostConstruct
    void load() {
        account = currentUser.account().orElse(null);
        if (account == null) {
            items = List.of();
            return;
        }
        items = work.openFor(account.id(), account.organisationId(), account.roleNames());
        mySecurityEvents = audit.mySecurityEvents(5);
        if (currentUser.hasRole("ADMIN")) {
            lockedAccounts = directory.lockedAccounts();
        }
        if (currentUser.hasRole("SUPERVISOR")) {
            recentAudit = audit.search(null, null, 0, 10);
        }
    }

    public void verifyChain() {
        chain = audit.verify();
    }

    public void unlock(String username) {
        try {
            directory.unlock(username);
            FacesProblems.info("work.unlocked", username);
            lockedAccounts = directory.lockedAccounts();
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    public Account getAccount() {
        return account;
    }

    public List<WorkQueue.Item> getItems() {
        return items;
    }

    public List<Account> getLockedAccounts() {
        return lockedAccounts;
    }

    public List<AuditEntryView> getRecentAudit() {
        return recentAudit;
    }

    public List<AuditEntryView> getMySecurityEvents() {
        return mySecurityEvents;
    }

    public Verdict getChain() {
        return chain;
    }
}
