package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.Role;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The administrator's list of users, the form to create one, and unlocking. */
@Named
@ViewScoped
public class ManageUsers implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Directory directory;

    private List<Account> users;
    private List<OrganisationView> organisations;
    private String username;
    private String displayName;
    private Long organisationId;
    private List<String> roles = new ArrayList<>();
    private String password;

    public List<Account> getUsers() {
        if (users == null) {
            users = directory.users();
        }
        return users;
    }

    public List<OrganisationView> getOrganisations() {
        if (organisations == null) {
            organisations = directory.organisations();
        }
        return organisations;
    }

    /** The roles the chosen organisation's type allows. */
    public List<String> getOfferedRoles() {
        if (organisationId == null) {
            return List.of();
        }
        return getOrganisations().stream()
                .filter(o -> o.id() == organisationId)
                .findFirst()
                .map(o -> o.type().allowedRoles().stream().map(Role::name).sorted().toList())
                .orElse(List.of());
    }

    public void organisationChanged() {
        roles = new ArrayList<>(getOfferedRoles().size() == 1 ? getOfferedRoles() : List.of());
    }

    public void create() {
        try {
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            roles.forEach(r -> chosen.add(Role.valueOf(r)));
            Account a =
                    directory.createUser(
                            username,
                            displayName,
                            organisationId == null ? -1 : organisationId,
                            chosen,
                            password == null ? new char[0] : password.toCharArray());
            FacesProblems.info("admin.users.created", a.username());
            users = null;
            username = null;
            displayName = null;
            password = null;
            roles = new ArrayList<>();
        } catch (Refusal r) {
            password = null;
            FacesProblems.show(r, "userForm");
        }
    }

    public void unlock(String name) {
        try {
            directory.unlock(name);
            FacesProblems.info("work.unlocked", name);
            users = null;
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(Long organisationId) {
        this.organisationId = organisationId;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
