package io.sunshine.procurement.project.boundary;

import io.sunshine.directory.boundary.CurrentUser;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The procurement projects page: the approved plans waiting for a project (the agency, or a unit
 * for its own decentralised plans, opens one from them) and the caller's projects.
 */
@Named
@ViewScoped
public class ProjectList implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Projects projects;
    @Inject CurrentUser currentUser;

    private List<Projects.Plan> plans;
    private List<ProjectView> mine;
    private List<Projects.Plan> selected = new ArrayList<>();
    private String title;

    public boolean isOpener() {
        return currentUser.hasRole("AGENCY") || currentUser.hasRole("PURCHASER");
    }

    public List<Projects.Plan> getPlans() {
        if (plans == null) {
            plans = isOpener() ? projects.availablePlans() : List.of();
        }
        return plans;
    }

    public List<ProjectView> getProjects() {
        if (mine == null) {
            mine = projects.list(null, 200);
        }
        return mine;
    }

    /** Opens a draft project from the selected plans and goes to it. */
    public void open() {
        if (selected == null || selected.isEmpty()) {
            FacesProblems.error("prj.selectPlans");
            return;
        }
        String name = title == null || title.isBlank() ? selected.get(0).title() : title.strip();
        try {
            ProjectView p =
                    projects.open(
                            new ProjectDraft(
                                    selected.stream().map(Projects.Plan::id).toList(),
                                    name,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null));
            FacesProblems.info("prj.opened", p.reference());
            FacesContext fc = FacesContext.getCurrentInstance();
            fc.getExternalContext().getFlash().setKeepMessages(true);
            fc.getExternalContext()
                    .redirect(
                            fc.getExternalContext().getRequestContextPath()
                                    + "/procurement/project.xhtml?id="
                                    + p.id());
        } catch (Refusal r) {
            FacesProblems.show(r, "plans");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Projects.Plan> getSelected() {
        return selected;
    }

    public void setSelected(List<Projects.Plan> selected) {
        this.selected = selected;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
