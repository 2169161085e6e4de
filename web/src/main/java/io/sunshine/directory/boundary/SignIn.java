package io.sunshine.directory.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.boundary.Formats;
import io.sunshine.platform.control.ProblemCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-in form: checks the credentials and lands the user on "my work" or the page asked for.
 */
@Named
@RequestScoped
public class SignIn {
    static final String LANDING = "/my/work.xhtml";

    @Inject SecurityContext security;
    @Inject SignInOutcome outcome;
    @Inject Formats formats;

    private String username;
    private String password;
    private String next;

    public void submit() throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            FacesProblems.error("login.required");
            return;
        }
        AuthenticationStatus status =
                security.authenticate(
                        (HttpServletRequest) ec.getRequest(),
                        (HttpServletResponse) ec.getResponse(),
                        AuthenticationParameters.withParams()
                                .newAuthentication(true)
                                .credential(
                                        new UsernamePasswordCredential(
                                                username.strip(), new Password(password))));
        password = null;
        switch (status) {
            case SUCCESS -> ec.redirect(ec.getRequestContextPath() + safeNext());
            case SEND_CONTINUE -> fc.responseComplete();
            default -> showRefusal();
        }
    }

    private void showRefusal() {
        SignInResult r = outcome.get();
        if (r != null && r.refusal() == ProblemCode.ACCOUNT_LOCKED) {
            FacesProblems.error("login.locked", formats.instant(r.lockedUntil()));
        } else if (r != null && r.refusal() == ProblemCode.ACCOUNT_DISABLED) {
            FacesProblems.error("login.disabled");
        } else {
            FacesProblems.error("login.failed");
        }
    }

    /** Only a path inside the platform: never an open redirect to another site. */
    String safeNext() {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.startsWith("/login.xhtml")
                || next.startsWith("/api/")) {
            return LANDING;
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
