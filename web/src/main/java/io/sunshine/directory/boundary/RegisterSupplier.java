package io.sunshine.directory.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The public self-registration page of a supplier: its details, the size declaration it accepts
 * (shown exactly as it will be stored) and its first user account.
 */
@Named
@ViewScoped
public class RegisterSupplier implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB SupplierRegistry registry;

    private final SupplierForm form = new SupplierForm();
    private String username;
    private String displayName;
    private String password;
    private SupplierView registered;

    public void register() {
        try {
            registered =
                    registry.register(
                            form.toApplication(),
                            username,
                            displayName,
                            password == null ? new char[0] : password.toCharArray());
            FacesProblems.info("register.done", registered.name());
        } catch (Refusal r) {
            FacesProblems.show(r, "reg");
        } finally {
            password = null;
        }
    }

    /** The declaration for the details entered so far; empty until a size is chosen. */
    public String getDeclarationText() {
        return form.getSizeClass() == null
                ? ""
                : registry.sizeDeclaration(
                        form.getName(), form.getCreditCode(), form.getSizeClass());
    }

    public SupplierForm getForm() {
        return form;
    }

    public SupplierView getRegistered() {
        return registered;
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
