package io.sunshine.procurement.project.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A supplier's projects: its own enrolments, and the published projects it can still join. */
@Named
@ViewScoped
public class SupplierProjects implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Enrolments enrolments;

    private List<EnrolmentView> mine;
    private List<OpenProjectView> open;

    @PostConstruct
    void load() {
        mine = enrolments.mine();
        open = enrolments.openProjects();
    }

    public List<EnrolmentView> getMine() {
        return mine;
    }

    public List<OpenProjectView> getOpen() {
        return open;
    }
}
