package io.sunshine.procurement.requirement.boundary;

import io.sunshine.procurement.requirement.entity.RequirementState;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The requirements the user may see, by state. */
@Named
@ViewScoped
public class RequirementList implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Requirements requirements;

    private RequirementState state;
    private List<RequirementView> found;

    public List<RequirementView> getRequirements() {
        if (found == null) {
            found = requirements.list(state);
        }
        return found;
    }

    public RequirementState[] getStates() {
        return RequirementState.values();
    }

    public void filter() {
        found = null;
    }

    public RequirementState getState() {
        return state;
    }

    public void setState(RequirementState state) {
        this.state = state;
    }
}
