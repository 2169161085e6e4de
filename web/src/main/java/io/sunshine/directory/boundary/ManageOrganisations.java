package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The administrator's list of organisations and the form to register one. */
@Named
@ViewScoped
public class ManageOrganisations implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Directory directory;

    private List<OrganisationView> organisations;
    private String name;
    private OrganisationType type;
    private String creditCode;
    private SizeClass sizeClass;

    public List<OrganisationView> getOrganisations() {
        if (organisations == null) {
            organisations = directory.organisations();
        }
        return organisations;
    }

    public void create() {
        try {
            OrganisationView o =
                    directory.createOrganisation(
                            name,
                            type,
                            creditCode,
                            type == OrganisationType.SUPPLIER ? sizeClass : null);
            FacesProblems.info("admin.orgs.created", o.name());
            organisations = null;
            name = null;
            creditCode = null;
            sizeClass = null;
        } catch (Refusal r) {
            FacesProblems.show(r, "orgForm");
        }
    }

    public OrganisationType[] getTypes() {
        return OrganisationType.values();
    }

    public SizeClass[] getSizeClasses() {
        return SizeClass.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public OrganisationType getType() {
        return type;
    }

    public void setType(OrganisationType type) {
        this.type = type;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public SizeClass getSizeClass() {
        return sizeClass;
    }

    public void setSizeClass(SizeClass sizeClass) {
        this.sizeClass = sizeClass;
    }
}
