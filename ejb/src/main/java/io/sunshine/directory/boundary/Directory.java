package io.sunshine.directory.boundary;

import io.sunshine.directory.control.BankAccount;
import io.sunshine.directory.control.CreditCode;
import io.sunshine.directory.control.PasswordHasher;
import io.sunshine.directory.control.PasswordPolicy;
import io.sunshine.directory.control.UsernameRule;
import io.sunshine.directory.entity.AppUser;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.Role;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The directory of organisations and users. Administrators create and maintain them; every other
 * component asks here who a user is.
 */
@Stateless
@DeclareRoles({"ADMIN", "SUPERVISOR", "FINANCE", "PURCHASER", "AGENCY", "SUPPLIER"})
public class Directory {
    @PersistenceContext EntityManager em;
    @Resource SessionContext session;
    @EJB AuditTrail audit;
    @Inject Clock clock;

    private final PasswordHasher hasher = new PasswordHasher();

    /** The account of a user name, if there is one. */
    @PermitAll
    public Optional<Account> findAccount(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return findUser(username).map(Account::of);
    }

    private Optional<AppUser> findUser(String username) {
        return Users.byUsername(em, username);
    }

    @RolesAllowed("ADMIN")
    public OrganisationView createOrganisation(
            String name, OrganisationType type, String creditCode, SizeClass sizeClass) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "name");
        }
        if (type == null) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "type");
        }
        if (sizeClass != null && type != OrganisationType.SUPPLIER) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "sizeClass");
        }
        String code =
                creditCode == null || creditCode.isBlank() ? null : CreditCode.check(creditCode);
        Organisations.requireUnique(em, name.strip(), code, null);
        Organisation o = new Organisation(name, type, code, sizeClass, clock.instant());
        em.persist(o);
        em.flush();
        audit.record(
                "ORGANISATION_CREATED",
                "Organisation",
                String.valueOf(o.getId()),
                null,
                "name=" + o.getName() + "; type=" + o.getType());
        return OrganisationView.of(o, 0);
    }

    /** What a contract prints about an organisation (its details), as stored. */
    public record Details(
            long organisationId,
            String name,
            String creditCode,
            String address,
            String legalRepresentative,
            String phone,
            String bankName,
            String bankAccountName,
            String bankAccountNumber)
            implements Serializable {
        static Details of(Organisation o) {
            return new Details(
                    o.getId(),
                    o.getName(),
                    o.getCreditCode(),
                    o.getAddress(),
                    o.getLegalRepresentative(),
                    o.getPhone(),
                    o.getBankName(),
                    o.getBankAccountName(),
                    o.getBankAccountNumber());
        }
    }

    /**
     * Sets the details contracts print about an organisation — address, legal representative,
     * telephone, bank account — by ADMIN or a user of that organisation; a field left null keeps
     * its value. Anyone else is told the organisation is not found (audited).
     */
    @RolesAllowed({"ADMIN", "PURCHASER", "AGENCY", "SUPPLIER", "FINANCE", "SUPERVISOR"})
    public Details describe(
            long organisationId,
            String address,
            String legalRepresentative,
            String phone,
            String bankName,
            String bankAccountName,
            String bankAccountNumber) {
        Organisation o = em.find(Organisation.class, organisationId);
        Account me =
                findAccount(session.getCallerPrincipal().getName())
                        .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
        if (o == null
                || !session.isCallerInRole("ADMIN") && me.organisationId() != organisationId) {
            if (o != null) {
                audit.recordRefusal(
                        "ACCESS_DENIED",
                        "Organisation",
                        String.valueOf(organisationId),
                        null,
                        "not the caller's organisation");
            }
            throw new Refusal(
                    ProblemCode.ORGANISATION_NOT_FOUND, null, String.valueOf(organisationId));
        }
        String a = text(address, "address", 300);
        String r = text(legalRepresentative, "legalRepresentative", 50);
        String ph = text(phone, "phone", 30);
        String bn = null;
        String ban = null;
        String bno = null;
        if (bankName != null || bankAccountName != null || bankAccountNumber != null) {
            BankAccount bank =
                    BankAccount.of(
                            bankName == null ? o.getBankName() : bankName,
                            bankAccountName == null ? o.getBankAccountName() : bankAccountName,
                            bankAccountNumber == null
                                    ? o.getBankAccountNumber()
                                    : bankAccountNumber);
            bn = bank.bankName();
            ban = bank.accountName();
            bno = bank.accountNumber();
        }
        Details before = Details.of(o);
        o.describe(a, r, ph, bn, ban, bno);
        em.flush();
        audit.record(
                "ORGANISATION_DESCRIBED",
                "Organisation",
                String.valueOf(organisationId),
                cut(before.toString()),
                cut(Details.of(o).toString()));
        return Details.of(o);
    }

    /** The details of the caller's own organisation (or any, for ADMIN). */
    @RolesAllowed({"ADMIN", "PURCHASER", "AGENCY", "SUPPLIER", "FINANCE", "SUPERVISOR"})
    public Details details(long organisationId) {
        Organisation o = em.find(Organisation.class, organisationId);
        Account me =
                findAccount(session.getCallerPrincipal().getName())
                        .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
        if (o == null
                || !session.isCallerInRole("ADMIN") && me.organisationId() != organisationId) {
            throw new Refusal(
                    ProblemCode.ORGANISATION_NOT_FOUND, null, String.valueOf(organisationId));
        }
        return Details.of(o);
    }

    private static String text(String v, String field, int max) {
        if (v == null) {
            return null;
        }
        String t = v.strip();
        if (t.isEmpty() || t.length() > max) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        return t;
    }

    private static String cut(String s) {
        return s.length() <= 1900 ? s : s.substring(0, 1900);
    }

    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    public List<OrganisationView> organisations() {
        Map<Long, Long> counts =
                em.createQuery(
                                "SELECT u.organisation.id, COUNT(u) FROM AppUser u GROUP BY"
                                        + " u.organisation.id",
                                Object[].class)
                        .getResultStream()
                        .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
        return em.createQuery(
                        "SELECT o FROM Organisation o ORDER BY o.type, o.name", Organisation.class)
                .getResultStream()
                .map(o -> OrganisationView.of(o, counts.getOrDefault(o.getId(), 0L)))
                .toList();
    }

    /**
     * Creates a user in an organisation with roles its type allows and a password that meets the
     * policy.
     */
    @RolesAllowed("ADMIN")
    public Account createUser(
            String username,
            String displayName,
            long organisationId,
            Set<Role> roles,
            char[] password) {
        try {
            String name = UsernameRule.canonical(username);
            if (displayName == null
                    || displayName.isBlank()
                    || displayName.strip().length() > 100) {
                throw new Refusal(ProblemCode.VALIDATION_FAILED, "displayName");
            }
            Organisation org = em.find(Organisation.class, organisationId);
            if (org == null) {
                throw new Refusal(
                        ProblemCode.ORGANISATION_NOT_FOUND,
                        "organisationId",
                        String.valueOf(organisationId));
            }
            if (findUser(name).isPresent()) {
                throw new Refusal(ProblemCode.USERNAME_TAKEN, "username", name);
            }
            PasswordPolicy.check(name, password);
            AppUser u =
                    new AppUser(
                            name,
                            displayName,
                            org,
                            roles == null ? Set.of() : EnumSet.copyOf(nonEmpty(roles)),
                            hasher.hash(password),
                            clock.instant());
            em.persist(u);
            em.flush();
            Account a = Account.of(u);
            audit.record(
                    "USER_CREATED",
                    "User",
                    name,
                    null,
                    "organisation=" + org.getName() + "; roles=" + a.rolesText());
            return a;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static Set<Role> nonEmpty(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new Refusal(ProblemCode.ROLES_MISSING, "roles");
        }
        return roles;
    }

    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    public List<Account> users() {
        return em.createQuery(
                        "SELECT u FROM AppUser u ORDER BY u.organisation.name, u.username",
                        AppUser.class)
                .getResultStream()
                .map(Account::of)
                .toList();
    }

    /** Accounts locked at this moment, for the administrator's work page. */
    @RolesAllowed("ADMIN")
    public List<Account> lockedAccounts() {
        return em.createQuery(
                        "SELECT u FROM AppUser u WHERE u.lockedUntil > :now ORDER BY u.lockedUntil",
                        AppUser.class)
                .setParameter("now", clock.instant())
                .getResultStream()
                .map(Account::of)
                .toList();
    }

    /** An administrator lifts a lock before its fifteen minutes run out. */
    @RolesAllowed("ADMIN")
    public Account unlock(String username) {
        AppUser u =
                findUser(username)
                        .orElseThrow(
                                () ->
                                        new Refusal(
                                                ProblemCode.USER_NOT_FOUND, "username", username));
        String before =
                "failedSignIns=" + u.getFailedSignIns() + "; lockedUntil=" + u.getLockedUntil();
        u.unlock();
        audit.record("ACCOUNT_UNLOCKED", "User", u.getUsername(), before, "failedSignIns=0");
        return Account.of(u);
    }

    /** Whether the caller's token/session should still be honoured (active, not locked). */
    @PermitAll
    public boolean canSignIn(Account a) {
        return a.active() && !a.isLockedAt(clock.instant());
    }

    /** The purchasing units, for FINANCE to give budget lines to. */
    @RolesAllowed({"FINANCE", "ADMIN", "SUPERVISOR"})
    public List<OrganisationView> purchasingUnits() {
        return em.createQuery(
                        "SELECT o FROM Organisation o WHERE o.type = :t ORDER BY o.name",
                        Organisation.class)
                .setParameter("t", OrganisationType.PURCHASING_UNIT)
                .getResultStream()
                .map(o -> OrganisationView.of(o, 0))
                .toList();
    }
}
