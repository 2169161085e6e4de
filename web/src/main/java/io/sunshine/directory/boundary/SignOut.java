package io.sunshine.directory.boundary;

import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Signing out ends the session: the container forgets the caller and the session is destroyed. */
@Named
@RequestScoped
public class SignOut {
    @EJB AuditTrail audit;

    public void signOut() throws IOException, ServletException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        if (request.getUserPrincipal() != null) {
            audit.record(
                    "SIGN_OUT", "User", request.getUserPrincipal().getName(), null, "channel=web");
        }
        request.logout();
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/index.xhtml");
    }
}
