package io.sunshine.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;

/**
 * Shown by the 403 error page: the container refused a signed-in user a page their role does not
 * open; this writes the attempt to the audit trail with the page asked for.
 */
@Named
@RequestScoped
public class AccessDeniedRecord {
    @Inject AccessRefusals refusals;

    private String page;

    @PostConstruct
    void record() {
        Map<String, Object> req =
                FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        Object uri = req.get(RequestDispatcher.ERROR_REQUEST_URI);
        page = uri == null ? "?" : uri.toString();
        refusals.record("Page", page, "status=403");
    }

    public String getPage() {
        return page;
    }
}
