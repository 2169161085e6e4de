package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/** The signed-in user of this request, for the page header and menus. */
@Named
@RequestScoped
public class CurrentUser {
    @Inject SecurityContext security;
    @EJB Directory directory;

    private Optional<Account> account;

    public Optional<Account> account() {
        if (account == null) {
            Principal p = security.getCallerPrincipal();
            account = p == null ? Optional.empty() : directory.findAccount(p.getName());
        }
        return account;
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public String getDisplayName() {
        return account().map(Account::displayName).orElse("");
    }

    public String getUsername() {
        return account().map(Account::username).orElse("");
    }

    public String getOrganisation() {
        return account().map(Account::organisationName).orElse("");
    }

    /** Role names in a stable order, for "role.X" bundle keys. */
    public List<String> getRoles() {
        return account().map(a -> List.copyOf(a.roleNames())).orElse(List.of());
    }

    public boolean hasRole(String role) {
        return account().map(a -> a.hasRole(Role.valueOf(role))).orElse(false);
    }
}
